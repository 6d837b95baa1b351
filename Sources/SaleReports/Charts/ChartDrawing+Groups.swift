import Forecasting
import SaleData
import SVGCharts

extension ChartDrawing {
    /// Small multiples of forecasts: the total's panel (when given), then one per group, each drawn as
    /// `forecast(_:revenue:train:)` draws one, all on one time axis. Beyond `selection.show` groups,
    /// only the largest by their expected end total (or the first) are drawn, and the note says so.
    public static func groupForecasts(total: (forecast: Forecast, revenue: Series)?,
                                      groups: [(name: String, forecast: Forecast, revenue: Series)], train: Int,
                                      selection: GroupSelection = .panels) throws(ChartError) -> ChartDrawing {
        let (shown, others) = selection.split(sizes: groups.map { $0.forecast.mean.values.last ?? .nan })
        let entries = (total.map { [("total", $0.forecast, $0.revenue)] } ?? []) + shown.map { groups[$0] }
        var panels: [(name: String, chart: Chart)] = []
        var drawn: [Series] = []
        for entry in entries {
            let one = try forecast(entry.1, revenue: entry.2, train: train)
            panels.append((entry.0, try one.chart.composed(for: ChartOptions())))
            drawn += one.drawn
        }
        let note = others.isEmpty ? nil
            : selection.note(shown: shown.count, total: groups.count, measure: "by expected total", others: "not drawn")
        return ChartDrawing(chart: try smallMultiples(panels, kind: "groups chart"), drawn: drawn, note: note)
    }

    /// Small multiples of each group's revenue per `step` minutes, one panel per group on one time axis;
    /// beyond `selection.show` groups, the largest by revenue (or the first) and one panel summing the others.
    public static func groupRevenue(_ groups: [(name: String, revenue: Series)], step: Int,
                                    selection: GroupSelection = .panels) throws(ChartError) -> ChartDrawing {
        let (folded, note) = try fold(groups, selection)
        let rates = try resampled(folded, step: step)
        let panels = rates.map { group in
            (group.name, Chart(yTitle: perStep(step), zero: .always, layers: [.line(TimedSeries(group.name, group.revenue), paint: .actual)]))
        }
        return ChartDrawing(chart: try smallMultiples(panels, kind: "groups chart"), drawn: rates.map(\.revenue), note: note)
    }

    /// The groups' revenue per `step` minutes stacked, the first group at the bottom; beyond
    /// `selection.show` groups, the largest by revenue (or the first) and the others summed on top, in grey.
    public static func stacked(_ groups: [(name: String, revenue: Series)], step: Int,
                               selection: GroupSelection = .layers) throws(ChartError) -> ChartDrawing {
        let (folded, note) = try fold(groups, selection)
        let rates = try resampled(folded, step: step)
        let layers = rates.map { TimedSeries($0.name, $0.revenue) }
        let chart = note == nil ? StackedChart(groups: layers, yTitle: perStep(step))
            : StackedChart(groups: Array(layers.dropLast()), others: layers.last, yTitle: perStep(step))
        return ChartDrawing(chart: chart, drawn: rates.map(\.revenue), note: note)
    }

    /// The groups `selection` draws on their own, in the order given, then (when some are left over) one
    /// summing the others minute by minute, and the note saying so.
    private static func fold(_ groups: [(name: String, revenue: Series)], _ selection: GroupSelection) throws(ChartError)
        -> (groups: [(name: String, revenue: Series)], note: String?) {
        let (shown, others) = selection.split(sizes: groups.map { $0.revenue.values.reduce(0) { $1.isNaN ? $0 : $0 + $1 } })
        guard !others.isEmpty else { return (groups, nil) }
        let name = GroupSelection.othersName(others.count)
        let sum = try summed(others.map { groups[$0] })
        let note = selection.note(shown: shown.count, total: groups.count, measure: "by revenue", others: "summed")
        return (shown.map { groups[$0] } + [(name, sum)], note)
    }

    /// The groups' revenue added minute by minute over all their minutes (NaN where none has a value).
    private static func summed(_ groups: [(name: String, revenue: Series)]) throws(ChartError) -> Series {
        let first = groups[0].revenue
        let start = groups.map(\.revenue.start).min() ?? first.start
        let end = groups.map(\.revenue.end).max() ?? first.end
        var values = [Double](repeating: .nan, count: (end - start) / first.step)
        for (name, revenue) in groups {
            guard revenue.step == first.step, (revenue.start - start) % first.step == 0 else {
                throw ChartError("group '\(name)' is not on the times of '\(groups[0].name)' (the same step and grid expected)")
            }
            let offset = (revenue.start - start) / first.step
            for (index, value) in revenue.values.enumerated() where !value.isNaN {
                values[offset + index] = values[offset + index].isNaN ? value : values[offset + index] + value
            }
        }
        return Series(start: start, step: first.step, values: values, zone: first.zone)
    }

    /// One chart whose layers are the panels' charts' layers, each in its panel; the frame (axis titles,
    /// zero) is the first panel's.
    private static func smallMultiples(_ panels: [(name: String, chart: Chart)], kind: String) throws(ChartError) -> Chart {
        guard let first = panels.first?.chart else { throw ChartError("\(kind) has no groups") }
        var chart = Chart(kind: kind, xAxis: first.xAxis, yTitle: first.yTitle, y2Title: first.y2Title, money: first.money,
                          zero: first.zero)
        chart.panels = PanelGrid()
        for (name, panel) in panels {
            for layer in panel.layers { chart.add(layer.inPanel(name)) }
        }
        return chart
    }

    /// Each group's revenue per `step` minutes, cut on one clock (the first group's): groups on their
    /// markets' clocks (`zones`) would otherwise cut their steps at different instants where those
    /// clocks differ by half an hour (India, Newfoundland), and a stack could not add them up.
    private static func resampled(_ groups: [(name: String, revenue: Series)], step: Int) throws(ChartError)
        -> [(name: String, revenue: Series)] {
        let zone = groups.first?.revenue.zone ?? .utc
        do {
            return try groups.map { group throws(SeriesError) in
                var revenue = group.revenue
                revenue.zone = zone
                return (group.name, try revenue.resampled(step: step))
            }
        } catch {
            throw ChartError("option 'step': \(error.description)")
        }
    }

    /// `revenue per hour`, `revenue per 15 minutes`.
    private static func perStep(_ step: Int) -> String {
        step == 1 ? "revenue per minute" : step == 60 ? "revenue per hour" : "revenue per \(step) minutes"
    }
}
