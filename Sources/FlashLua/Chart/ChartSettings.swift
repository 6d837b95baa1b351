import Foundation
import LuaBridge
import SVGCharts

/// A chart's options table read into `ChartOptions` and where plain number lists sit on the clock,
/// with defaults: `{title = "Sales", width = 800, start = os.time() // 60, currency = "€", theme = "dark"}`.
struct ChartSettings {
    var options = ChartOptions()
    /// Epoch minute of the first value of plain number lists.
    var start = 0
    /// Minutes between the values of plain number lists.
    var step = 1
    /// The argument position of the options table.
    let position: Int32

    /// Every option key; anything else is refused as a likely typo.
    static let keys: Set<String> = [
        "width", "height", "title", "subtitle", "xlabel", "ylabel", "y2label", "summary", "theme", "currency",
        "currencysuffix", "timezone", "time", "legend", "log", "fontsize", "reduce", "start", "step",
    ]

    /// Reads the options at `position`; absent means all defaults. Without `start`, time axes count
    /// minutes from 0 and are labelled as elapsed minutes.
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
        let zoneName = try table.string("timezone", default: "UTC")
        guard let zone = TimeZone(identifier: zoneName) else {
            throw table.error("timezone", "must be a time zone name such as 'Europe/Berlin', got '\(zoneName)'")
        }
        options.timeZone = zone
        let start = try table.integer("start")
        let defaultLabels = start == nil ? "elapsed" : "clock"
        options.timeLabels = TimeLabels(rawValue: try table.choice("time", ["clock", "elapsed"], default: defaultLabels)) ?? .clock
        self.start = start ?? 0
        step = try table.integer("step", atLeast: 1, default: 1)
    }

    /// A plain number list whose first value sits `offset` steps after `start`.
    func timed(_ name: String, _ values: [Double], at offset: Int = 0) -> TimedSeries {
        TimedSeries(name: name, startMinute: minute(atIndex: offset), stepMinutes: step, values: values)
    }

    /// The epoch minute of 0-based position `index` of a plain number list.
    func minute(atIndex index: Int) -> Int { start + index * step }

    /// The epoch minute `minutes` after `start`.
    func minute(afterStart minutes: Int) -> Int { start + minutes }

    /// Renders with these options, turning the module's errors into argument errors: option
    /// problems point at the options table, data problems at the data argument.
    func render(_ draw: (ChartOptions) throws(ChartError) -> SVGDocument) throws(LuaError) -> ChartObject {
        do {
            return ChartObject(try draw(options))
        } catch {
            let blamed = error.message.hasPrefix("option '") ? position : 1
            throw .argument(position: blamed, message: error.message)
        }
    }
}
