import LuaBridge
import SaleData
import SaleReports
import SVGCharts

/// A chart's options table read into `ChartOptions`, and the clock plain number lists sit on:
/// `{title = "Sales", start = "2024-05-20T13:00", tz = "Europe/Berlin", currency = "€", theme = "dark"}`.
///
/// Without `start`, the first Series among the data sets the clock (its start, step and zone);
/// without either, lists count minutes from 0 and the axis is labelled in elapsed minutes.
/// A reference type: reading the data refines it. Another library's method that returns a chart
/// (`fc:chart{title = ...}`) reads its options with it, builds the chart from `SVGCharts` with
/// `TimedSeries`, and pushes `try settings.render { try chart.render($0) }`.
final class ChartSettings {
    private(set) var options = ChartOptions()
    /// Epoch minute of the first value of plain number lists, once known.
    private(set) var start: Int?
    /// Minutes between the values of plain number lists.
    private(set) var step: Int
    /// Zone of the clock labels, once known.
    private(set) var zone: ShopZone?
    private let stepGiven: Bool
    private let timeLabels: TimeLabels?
    /// The argument position of the options table.
    let position: Int32
    private let call: LuaCall
    /// Points the chart will draw: each series' values, thinned to two a pixel column.
    private var points = 0.0

    /// Every option key; anything else is refused as a likely typo.
    static let keys: Set<String> = [
        "width", "height", "title", "subtitle", "xlabel", "ylabel", "y2label", "summary", "theme", "currency",
        "currencysuffix", "tz", "time", "legend", "log", "fontsize", "reduce", "start", "step",
    ]

    /// Reads the options at `position`; absent means all defaults.
    init(_ call: LuaCall, at position: Int32) throws(LuaError) {
        self.position = position
        self.call = call
        let table = try LuaOptions(call, at: position)
        try table.allow(Self.keys)
        options.width = try table.number("width", default: options.width)
        options.height = try table.number("height", default: options.height)
        options.fontSize = try table.number("fontsize", default: options.fontSize)
        options.title = try table.string("title", default: "")
        options.subtitle = try table.string("subtitle", default: "")
        options.xLabel = try table.string("xlabel")
        options.yLabel = try table.string("ylabel")
        options.y2Label = try table.string("y2label")
        options.summary = try table.string("summary")
        options.theme = Theme.named(try table.choice("theme", ["light", "dark"], default: "light")) ?? .light
        options.currency = Currency(prefix: try table.string("currency", default: ""),
                                    suffix: try table.string("currencysuffix", default: ""))
        options.legend = LegendPosition(rawValue: try table.choice("legend", ["top", "right", "none"], default: "top")) ?? .top
        options.logScale = try table.boolean("log", default: false)
        options.reduction = Reduction(rawValue: try table.choice("reduce", ["minmax", "lttb"], default: "minmax")) ?? .minMax
        zone = table.has("tz") ? try table.zone("tz") : nil
        start = try table.minute("start", zone: zone ?? .utc, call: call)
        stepGiven = table.has("step")
        step = try table.integer("step", atLeast: 1, default: 1)
        timeLabels = table.has("time") ? TimeLabels(rawValue: try table.choice("time", ["clock", "elapsed"], default: "clock")) : nil
    }

    /// A plain number list whose first value sits `offset` steps after the start.
    func timed(_ name: String, _ values: [Double], at offset: Int = 0) -> TimedSeries {
        count(values.count)
        return TimedSeries(name: name, startMinute: minute(atIndex: offset), stepMinutes: step, values: values)
    }

    /// A Series at its own minutes; the first one sets the clock where the options did not.
    func timed(_ name: String, _ series: Series) -> TimedSeries {
        adopt([series])
        return TimedSeries(name, series)
    }

    /// Counts `series` among the points drawn; the first one sets the clock (its start, step and zone)
    /// where the options and earlier data did not.
    func adopt(_ series: [Series]) {
        for series in series {
            if start == nil { start = series.start }
            if !stepGiven { step = series.step }
            if zone == nil { zone = series.zone }
            count(series.count)
        }
    }

    /// Counts a series of `values` among the points drawn.
    private func count(_ values: Int) {
        points += min(Double(values), 2 * options.width) + 1
    }

    /// The epoch minute of 0-based position `index` of a plain number list.
    func minute(atIndex index: Int) -> Int { (start ?? 0) + index * step }

    /// The epoch minute `minutes` after the start.
    func minute(afterStart minutes: Int) -> Int { (start ?? 0) + minutes }

    /// Renders with these options (clock labels when the data has a start, in its zone), turning
    /// the module's errors into argument errors: option problems point at the options table, data
    /// problems at the data argument.
    func render(_ draw: (ChartOptions) throws(ChartError) -> SVGDocument) throws(LuaError) -> ChartObject {
        var options = options
        options.timeLabels = timeLabels ?? (start == nil ? .elapsed : .clock)
        options.timeZone = zone ?? .utc
        try call.reserveMemory(WorkMemory.chart(points: points), for: "a chart of \(Int(points)) points")
        do {
            return ChartObject(try draw(options))
        } catch {
            let blamed = error.message.hasPrefix("option '") ? position : 1
            throw .argument(position: blamed, message: error.message)
        }
    }
}
