import Forecasting
import SaleData
import SVGCharts

extension ChartDrawing {
    /// Small multiples of forecasts: one panel per entry (the total, then each group), each drawn as
    /// `forecast(_:revenue:train:)` draws one, all on one time axis.
    public static func groupForecasts(_ entries: [(name: String, forecast: Forecast, revenue: Series)], train: Int)
        throws(ChartError) -> ChartDrawing {
        var panels: [(name: String, chart: Chart)] = []
        var drawn: [Series] = []
        for entry in entries {
            let one = try forecast(entry.forecast, revenue: entry.revenue, train: train)
            panels.append((entry.name, try one.chart.composed(for: ChartOptions())))
            drawn += one.drawn
        }
        return ChartDrawing(chart: try smallMultiples(panels, kind: "groups chart"), drawn: drawn)
    }

    /// Small multiples of each group's revenue per `step` minutes, one panel per group on one time axis.
    public static func groupRevenue(_ groups: [(name: String, revenue: Series)], step: Int) throws(ChartError) -> ChartDrawing {
        let rates = try resampled(groups, step: step)
        let panels = rates.map { group in
            (group.name, Chart(yTitle: perStep(step), zero: .always, layers: [.line(TimedSeries(group.name, group.revenue), paint: .actual)]))
        }
        return ChartDrawing(chart: try smallMultiples(panels, kind: "groups chart"), drawn: rates.map(\.revenue))
    }

    /// The groups' revenue per `step` minutes stacked, the first group at the bottom.
    public static func stacked(_ groups: [(name: String, revenue: Series)], step: Int) throws(ChartError) -> ChartDrawing {
        let rates = try resampled(groups, step: step)
        let chart = StackedChart(groups: rates.map { TimedSeries($0.name, $0.revenue) }, yTitle: perStep(step))
        return ChartDrawing(chart: chart, drawn: rates.map(\.revenue))
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

    private static func resampled(_ groups: [(name: String, revenue: Series)], step: Int) throws(ChartError)
        -> [(name: String, revenue: Series)] {
        do {
            return try groups.map { group throws(SeriesError) in (group.name, try group.revenue.resampled(step: step)) }
        } catch {
            throw ChartError("option 'step': \(error.description)")
        }
    }

    /// `revenue per hour`, `revenue per 15 minutes`.
    private static func perStep(_ step: Int) -> String {
        step == 1 ? "revenue per minute" : step == 60 ? "revenue per hour" : "revenue per \(step) minutes"
    }
}
