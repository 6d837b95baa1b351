import LuaBridge
import SVGCharts

/// A layer's style or spec table: `{label = "target", color = 2, width = 3, dashed = true, axis = "right"}`.
struct LayerStyle {
    let options: LuaOptions
    let call: LuaCall
    /// Legend text (or the rule's label); empty for none.
    let label: String
    /// The colour asked for; nil for the automatic one.
    let paint: Paint?

    /// Reads the table at `index`, refusing keys not in `keys`; `required` refuses a missing table.
    init(_ call: LuaCall, at index: Int32, _ keys: Set<String>, required: Bool = false) throws(LuaError) {
        if required { _ = try call.table(index) }
        options = try LuaOptions(call, at: index)
        try options.allow(keys)
        self.call = call
        label = try options.string("label", default: "")
        paint = try Self.paint(options, call)
    }

    /// `color`: a palette number from 1, or a colour name or `#rrggbb`.
    private static func paint(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> Paint? {
        try options.with("color") { (index) throws(LuaError) -> Paint? in
            switch call.type(at: index) {
            case .nil, .none: return nil
            case .number:
                let number = try call.number(index)
                guard number.rounded() == number, (1...7).contains(number) else { throw options.error("color", "must be a palette number from 1 to 7") }
                return .palette(Int(number) - 1)
            case .string:
                let text = try call.string(index)
                guard let paint = Paint.named(text) else {
                    throw options.error("color", "must be 'actual', 'muted', 'alert', 'text' or '#rrggbb', got '\(text)'")
                }
                return paint
            default:
                throw options.error("color", "number or string expected, got \(call.typeName(at: index))")
            }
        }
    }

    func width() throws(LuaError) -> Double {
        let width = try options.positive("width", default: 2)
        guard width <= 20 else { throw options.error("width", "must be at most 20") }
        return width
    }

    /// `dashed`, or nil for the default.
    func dashed() throws(LuaError) -> Bool? {
        options.has("dashed") ? try options.boolean("dashed", default: false) : nil
    }

    func side() throws(LuaError) -> AxisSide {
        try options.choice("axis", ["left", "right"], default: "left") == "right" ? .right : .left
    }

    /// The epoch minute of time option `key` (text in the chart's zone, or epoch seconds), or for
    /// `at`, else `minute`, minutes after the chart's start; nil when absent.
    func moment(_ settings: ChartSettings, key: String = "at") throws(LuaError) -> Int? {
        if let minute = try options.minute(key, zone: settings.zone ?? .utc, call: call) { return minute }
        guard key == "at", let minutes = try options.integer("minute") else { return nil }
        return settings.minute(afterStart: minutes)
    }
}
