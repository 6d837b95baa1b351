import LuaBridge
import SaleData
import SaleReports
import SVGCharts

/// A chart's options table read into `ChartOptions`, and the clock plain number lists sit on:
/// `{title = "Sales", start = "2024-05-20T13:00", tz = "Europe/Berlin", currency = "€", theme = "dark"}`.
///
/// Without `start`, the first Series among the data sets the clock (its start, step and zone);
/// without either, lists count minutes from 0 and the axis is labelled in elapsed minutes.
/// A reference type: reading the data refines it, and a `ChartObject` keeps it, so layers added
/// later (`c:line(values)`) sit on the same clock.
final class ChartSettings {
    private(set) var options = ChartOptions()
    /// Epoch minute of the first value of plain number lists, once known.
    private(set) var start: Int?
    /// Minutes between the values of plain number lists.
    private(set) var step: Int
    /// Zone of the clock labels, once known.
    private(set) var zone: ShopZone?
    private let stepGiven: Bool
    /// The `step` option, if given.
    var stepOption: Int? { stepGiven ? step : nil }
    /// The `show` option (groups a grouped chart draws on their own), if given.
    private let show: Int?
    /// The `pick` option (which groups those are).
    private let pick: GroupSelection.Pick
    private let timeLabels: TimeLabels?
    /// The argument position of the options table.
    let position: Int32
    /// The `from` and `to` options, read in the zone once the data has told it.
    private var window: (from: Moment?, to: Moment?)
    /// Points the chart will draw: each series' values, thinned to two a pixel column.
    private(set) var points = 0.0

    /// Every option key; anything else is refused as a likely typo.
    static let keys: Set<String> = [
        "width", "height", "title", "subtitle", "xlabel", "ylabel", "y2label", "summary", "theme", "currency",
        "currencysuffix", "tz", "time", "legend", "log", "fontsize", "reduce", "start", "step", "from", "to", "ymin", "ymax",
        "show", "pick",
    ]

    /// Reads the options at `position`; absent means all defaults.
    init(_ call: LuaCall, at position: Int32) throws(LuaError) {
        self.position = position
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
        window = (try Moment(table, "from", call), try Moment(table, "to", call))
        options.yMin = try table.number("ymin")
        options.yMax = try table.number("ymax")
        stepGiven = table.has("step")
        step = try table.integer("step", atLeast: 1, default: 1)
        show = table.has("show") ? try table.integer("show", atLeast: 1, default: 1) : nil
        if let show, show > GroupSelection.most {
            throw table.error("show", "must be at most \(GroupSelection.most)")
        }
        pick = GroupSelection.Pick(rawValue: try table.choice("pick", GroupSelection.Pick.allCases.map(\.rawValue),
                                                              default: "largest")) ?? .largest
        timeLabels = table.has("time") ? TimeLabels(rawValue: try table.choice("time", ["clock", "elapsed"], default: "clock")) : nil
    }

    /// The groups a grouped chart draws on their own: the options' `show` and `pick`, else `standard`'s.
    func groupSelection(_ standard: GroupSelection) -> GroupSelection {
        GroupSelection(show: show ?? standard.show, pick: pick)
    }

    /// Adds what a drawing left out to the subtitle, after the one given (or, for small multiples, after
    /// the value axis title they show there by default).
    func adopt(note: String?, after standard: String = "") {
        guard let note else { return }
        let subtitle = options.subtitle.isEmpty ? standard : options.subtitle
        options.subtitle = subtitle.isEmpty ? note : subtitle + "; " + note
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

    /// The options to draw with: clock labels when the data has a start, in its zone.
    var drawingOptions: ChartOptions {
        var options = options
        options.timeLabels = timeLabels ?? (start == nil ? .elapsed : .clock)
        options.timeZone = zone ?? .utc
        options.xFrom = window.from.map { Double($0.minute(in: options.timeZone)) }
        options.xTo = window.to.map { Double($0.minute(in: options.timeZone)) }
        return options
    }

    /// Reserves the memory drawing takes (refused over the state's cap, as `not enough memory`).
    func reserveDrawing(_ call: LuaCall) throws(LuaError) {
        try call.reserveMemory(WorkMemory.chart(points: points), for: "a chart of \(Int(points)) points")
    }

    /// A module error as an argument error: option problems point at the options table, data
    /// problems at `data`.
    func blame(_ error: ChartError, data: Int32) -> LuaError {
        .argument(position: error.message.hasPrefix("option '") ? position : data, message: error.message)
    }

    /// The chart of a kind, with the options read here.
    func compose(_ chart: any RenderableChart, data: Int32) throws(LuaError) -> Chart {
        do {
            try options.validate()
            return try chart.composed(for: drawingOptions)
        } catch {
            throw blame(error, data: data)
        }
    }
}

/// A time option: epoch seconds, or text read in the chart's zone when it is drawn.
private enum Moment {
    case minute(Int)
    case text(String)

    /// The option `key`, checked now; nil when absent.
    init?(_ table: LuaOptions, _ key: String, _ call: LuaCall) throws(LuaError) {
        let moment = try table.with(key) { (index) throws(LuaError) -> Moment? in
            if call.isNoneOrNil(index) { return nil }
            switch call.timeMinute(index, zone: .utc) {
            case .success(let minute): return call.type(at: index) == .string ? .text(try call.string(index)) : .minute(minute)
            case .failure(let problem): throw table.error(key, "must be a time, got \(problem.got)")
            }
        }
        guard let moment else { return nil }
        self = moment
    }

    func minute(in zone: ShopZone) -> Int {
        switch self {
        case .minute(let minute): minute
        case .text(let text): zone.minute(ofTimeOrDate: text) ?? 0
        }
    }
}
