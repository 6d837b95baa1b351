import Forecasting
import LuaBridge
import SaleData
import SaleReports
import SVGCharts

/// `chart.groups`: small multiples, one panel per group on one time axis, of a grouped read's revenue
/// per step or of a grouped forecast (the total's panel first).
enum GroupsChartKind: LuaChartKind {
    static let name = "groups"
    static let signature = "chart.groups(grouped [, options]) -> Chart"
    static let summary = """
        Small multiples: one panel per group, all on one time axis, each with its own value axis. Of a grouped \
        read (orders.read{by=...}, or {groups = {{name=, revenue=Series}, ...}}): each group's revenue per step \
        (option step=60 minutes); of a grouped forecast (forecast.run on a grouped read): the reconciled total \
        and then each group, drawn as chart.forecast draws one. Beyond show=11 groups (at most 60), the largest \
        (by revenue; of a forecast, by expected total) get a panel and one more sums the others (a forecast's \
        others are not drawn), as the subtitle says; pick="first" keeps the first in the table's order instead \
        (a list ordered by forecast.warning's verdicts: the most behind).
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let input = try GroupedChartInput(data)
        let selection = settings.groupSelection(.panels)
        let drawing: ChartDrawing
        switch input {
        case .forecasts(let total, let groups, let train):
            drawing = try data.building { () throws(ChartError) in
                try ChartDrawing.groupForecasts(total: total, groups: groups, train: train, selection: selection)
            }
        case .revenue(let groups):
            let step = settings.stepOption ?? 60
            drawing = try data.building { () throws(ChartError) in
                try ChartDrawing.groupRevenue(groups, step: step, selection: selection)
            }
        }
        settings.adopt(drawing.drawn)
        settings.adopt(note: drawing.note, after: settings.options.yLabel ?? (drawing.chart as? Chart)?.yTitle ?? "")
        return drawing.chart
    }
}

/// `chart.stacked`: the groups' revenue per step stacked, the total on top.
enum StackedChartKind: LuaChartKind {
    static let name = "stacked"
    static let signature = "chart.stacked(grouped [, options]) -> Chart"
    static let summary = """
        The groups' revenue per step (option step=60 minutes) stacked, each group a coloured layer in the \
        group order (the first at the bottom), the total as the top edge: of a grouped read (orders.read{by=...}, \
        or {groups = {{name=, revenue=Series}, ...}}). Beyond show=7 groups (one palette colour each; at most 60), \
        the largest by revenue (pick="first": the first in the table's order) and the others summed on top in grey, \
        as the subtitle says.
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        guard case .revenue(let groups) = try GroupedChartInput(data) else {
            throw data.error("groups", "a grouped read's groups expected (each {name=, revenue=Series}), got Forecasts")
        }
        let step = settings.stepOption ?? 60
        let selection = settings.groupSelection(.layers)
        let drawing = try data.building { () throws(ChartError) in try ChartDrawing.stacked(groups, step: step, selection: selection) }
        settings.adopt(drawing.drawn)
        settings.adopt(note: drawing.note)
        return drawing.chart
    }
}

/// What a grouped chart draws: a grouped read's revenue by group, or a grouped forecast's Forecasts
/// (the reconciled total first) with the revenue each was made from.
enum GroupedChartInput {
    case revenue([(name: String, revenue: Series)])
    case forecasts(total: (forecast: Forecasting.Forecast, revenue: Series)?,
                   groups: [(name: String, forecast: Forecasting.Forecast, revenue: Series)], train: Int)

    /// Reads the `groups` of the data table: tables `{name=, revenue=}` or Forecasts (then with `total`).
    init(_ data: ChartData) throws(LuaError) {
        let call = data.call
        guard call.rawField(data.index, "groups") == .table else {
            defer { call.pop() }  // pop the groups
            throw data.error("groups", "table expected, got \(call.typeName(at: -1))")
        }
        defer { call.pop() }  // pop the groups
        let list = call.count
        let count = call.length(list)
        guard count > 0 else { throw data.error("groups", "at least one group expected") }
        call.rawIndex(list, 1)
        let isForecast = call.optionalObject(-1, as: ForecastObject.self) != nil
        call.pop()  // pop the first group
        if isForecast {
            self = try Self.forecasts(data, list: list)
        } else {
            self = .revenue(try Self.revenues(data, list: list, count: count))
        }
    }

    /// `{name=, revenue=Series}` for each group.
    private static func revenues(_ data: ChartData, list: Int32, count: Int) throws(LuaError) -> [(name: String, revenue: Series)] {
        let call = data.call
        var groups: [(name: String, revenue: Series)] = []
        for position in 1...count {
            call.rawIndex(list, position)
            defer { call.pop() }  // pop the group
            let group = call.count
            guard call.type(at: group) == .table else {
                throw data.error("groups[\(position)]", "table expected, got \(call.typeName(at: group))")
            }
            call.rawField(group, "name")
            let name = call.type(at: -1) == .string ? try? call.string(-1) : nil
            call.pop()  // pop the name
            guard let name else { throw data.error("groups[\(position)].name", "string expected") }
            call.rawField(group, "revenue")
            defer { call.pop() }  // pop the revenue
            guard let series = call.optionalObject(-1, as: SeriesObject.self)?.series else {
                throw data.error("groups[\(position)].revenue", "Series expected, got \(call.typeName(at: -1))")
            }
            groups.append((name, series))
        }
        return groups
    }

    /// The total (when the table has one) and each group's Forecast, named by the key that holds it too,
    /// and the training minutes they were made with.
    private static func forecasts(_ data: ChartData, list: Int32) throws(LuaError) -> GroupedChartInput {
        guard let groups = data.call.namedForecasts(list) else {
            throw data.error("groups", "Forecasts expected (forecast.run on a grouped read)")
        }
        let total = total(data)
        let train = ((total.map { [$0] } ?? []) + groups.map(\.object)).map(\.train).max() ?? 0
        return .forecasts(total: total.map { ($0.forecast, $0.revenue) },
                          groups: groups.map { ($0.name, $0.object.forecast, $0.object.revenue) }, train: train)
    }

    /// The table's `total` Forecast, if any.
    private static func total(_ data: ChartData) -> ForecastObject? {
        data.call.rawField(data.index, "total")
        defer { data.call.pop() }  // pop the total
        return data.call.optionalObject(-1, as: ForecastObject.self)
    }
}
