import LuaBridge
import LuaShim
import SaleData
import SaleReports
import SVGCharts

/// Reads a chart's data table argument, naming the field in every error:
/// `bad argument #1 to 'forecast' (field 'mean': number expected at index 3, got string)`.
struct ChartData {
    let call: LuaCall
    /// The argument position the whole data table came from.
    let position: Int32
    /// The stack index of this (possibly nested) table.
    let index: Int32
    /// Where this table sits inside the argument, e.g. `pieces[2].`, for messages.
    let path: String
    /// The chart function reading it.
    let function: String

    /// The data passed as argument `position` to chart function `function`: a table, or a drawable
    /// object (`ChartSource`) that function takes.
    init(_ call: LuaCall, at position: Int32, function: String) throws(LuaError) {
        let isSource = call.chartSource(position).map { type(of: $0).chartFunctions.contains(function) } ?? false
        guard call.type(at: position) == .table || isSource else {
            let got = call.type(at: position) == .none ? "no value" : call.typeName(at: position)
            let expected = (["table"] + ChartSources.names(for: function)).joined(separator: " or ")
            throw .typeMismatch(position: position, expected: expected, got: got)
        }
        self.init(call: call, position: position, index: lua_absindex(call.L, position), path: "", function: function)
    }

    private init(call: LuaCall, position: Int32, index: Int32, path: String, function: String) {
        self.call = call
        self.position = position
        self.index = index
        self.path = path
        self.function = function
    }

    /// An argument error about field `key` of this table.
    func error(_ key: String, _ message: String) -> LuaError {
        .argument(position: position, message: "field '\(path)\(key)': \(message)")
    }

    /// Builds a chart, turning the module's data errors into argument errors about this table.
    func building<Chart>(_ make: () throws(ChartError) -> Chart) throws(LuaError) -> Chart {
        do {
            return try make()
        } catch {
            throw .argument(position: position, message: error.message)
        }
    }

    /// Runs `read` with field `key` on top of the stack (nil when absent), then pops it.
    private func with<T>(_ key: String, _ read: (Int32) throws(LuaError) -> T) throws(LuaError) -> T {
        call.rawField(index, key)
        defer { call.pop() }  // pop the field
        return try read(call.count)
    }

    /// The chart of a drawable object that draws itself (`chart.forecast(fc)`), its series adopted
    /// by `settings` (the clock, the points drawn); nil for a table or values.
    func drawing(_ settings: ChartSettings) throws(LuaError) -> (any RenderableChart)? {
        guard case .drawing(let draw)? = call.chartSource(index)?.chartContent else { return nil }
        let request = ChartRequest(function: function, step: settings.stepOption)
        let drawing = try building { () throws(ChartError) in try draw(request) }
        settings.adopt(drawing.drawn)
        return drawing.chart
    }

    /// The values this value holds when it is a drawable object holding values (a Series).
    var seriesValues: Series? { call.chartValues(index) }

    /// Field `key` on the clock: a Series at its own minutes, or a list of numbers `offset` steps
    /// after the settings' start; nil when absent.
    func values(_ key: String, name: String, _ settings: ChartSettings, at offset: Int = 0) throws(LuaError) -> TimedSeries? {
        let series = try with(key) { (top) throws(LuaError) -> Series? in
            call.chartValues(top)
        }
        if let series { return settings.timed(name, series) }
        return try numbers(key).map { settings.timed(name, $0, at: offset) }
    }

    /// `values(key, ...)` for a field that must be present.
    func requiredValues(_ key: String, name: String, _ settings: ChartSettings, at offset: Int = 0) throws(LuaError) -> TimedSeries {
        guard let values = try values(key, name: name, settings, at: offset) else { throw error(key, "table expected, got nil") }
        return values
    }

    /// The numbers of sequence field `key` (a list or a Series), or nil when absent.
    func numbers(_ key: String) throws(LuaError) -> [Double]? {
        try with(key) { (top) throws(LuaError) -> [Double]? in
            if call.isNoneOrNil(top) { return nil }
            if let series = call.chartValues(top) { return series.values }
            do throws(LuaError) {
                return try call.numbers(top)
            } catch {
                guard case .argument(_, let message) = error else { throw error }
                throw self.error(key, message)
            }
        }
    }

    /// The numbers of sequence field `key`, which must be present.
    func requiredNumbers(_ key: String) throws(LuaError) -> [Double] {
        guard let values = try numbers(key) else { throw error(key, "table expected, got nil") }
        return values
    }

    /// The whole-number field `key`, or nil when absent.
    func integer(_ key: String) throws(LuaError) -> Int? {
        try with(key) { (top) throws(LuaError) -> Int? in
            if call.isNoneOrNil(top) { return nil }
            guard call.type(at: top) == .number else { throw error(key, "number expected, got \(call.typeName(at: top))") }
            let value = lua_tonumberx(call.L, top, nil)
            if let problem = LuaOptions.integerProblem(value) { throw error(key, problem) }
            return Int(value)
        }
    }

    /// The whole-number field `key`, at least 0, or nil when absent.
    func nonNegative(_ key: String) throws(LuaError) -> Int? {
        let value = try integer(key)
        if let value, value < 0 { throw error(key, "must not be negative") }
        return value
    }

    /// The epoch minute of an event: field `at`, a time (text in the settings' zone, or epoch
    /// seconds), or else field `minute`, minutes after the start (default 0).
    func moment(_ settings: ChartSettings) throws(LuaError) -> Int {
        if let at = try time("at", settings) { return at }
        return settings.minute(afterStart: try integer("minute") ?? 0)
    }

    /// The epoch minute of time field `key` (text in the settings' zone, or epoch seconds), or nil when absent.
    func time(_ key: String, _ settings: ChartSettings) throws(LuaError) -> Int? {
        try with(key) { (top) throws(LuaError) -> Int? in
            if call.isNoneOrNil(top) { return nil }
            switch call.timeMinute(top, zone: settings.zone ?? .utc) {
            case .success(let minute): return minute
            case .failure(let problem): throw error(key, "time expected, got \(problem.got)")
            }
        }
    }

    /// The number field `key`, or nil when absent.
    func number(_ key: String) throws(LuaError) -> Double? {
        try with(key) { (top) throws(LuaError) -> Double? in
            if call.isNoneOrNil(top) { return nil }
            guard call.type(at: top) == .number else { throw error(key, "number expected, got \(call.typeName(at: top))") }
            return lua_tonumberx(call.L, top, nil)
        }
    }

    /// The string field `key`, or `defaultValue` when absent.
    func string(_ key: String, default defaultValue: String) throws(LuaError) -> String {
        try with(key) { (top) throws(LuaError) -> String in
            if call.isNoneOrNil(top) { return defaultValue }
            guard call.type(at: top) == .string else { throw error(key, "string expected, got \(call.typeName(at: top))") }
            return try call.string(top)
        }
    }

    /// Each table of sequence field `key` read by `read`; an absent field gives an empty list.
    func list<T>(_ key: String, _ read: (ChartData) throws(LuaError) -> T) throws(LuaError) -> [T] {
        try with(key) { (top) throws(LuaError) -> [T] in
            if call.isNoneOrNil(top) { return [] }
            guard call.type(at: top) == .table else { throw error(key, "table expected, got \(call.typeName(at: top))") }
            let nested = ChartData(call: call, position: position, index: top, path: path + key + ".", function: function)
            return try nested.elements { (item, _) throws(LuaError) in try read(item) }
        }
    }

    /// Each element `self[1..#self]` read by `read` with its Lua index, with `[i].` added to the
    /// path; elements must be tables, or also Series when `orSeries`.
    func elements<T>(orSeries: Bool = false, _ read: (ChartData, Int) throws(LuaError) -> T) throws(LuaError) -> [T] {
        let prefix = path.hasSuffix(".") ? String(path.dropLast()) : path
        var results: [T] = []
        for i in 1...max(1, Int(lua_rawlen(call.L, index))) where lua_rawlen(call.L, index) > 0 {
            lua_rawgeti(call.L, index, lua_Integer(i))
            defer { call.pop() }  // pop the element
            let element = call.count
            let isSeries = orSeries && call.chartValues(element) != nil
            guard call.type(at: element) == .table || isSeries else {
                let expected = orSeries ? "table or Series" : "table"
                throw .argument(position: position, message: "field '\(prefix)[\(i)]': \(expected) expected, got \(call.typeName(at: element))")
            }
            results.append(try read(ChartData(call: call, position: position, index: element, path: "\(prefix)[\(i)].", function: function), i))
        }
        return results
    }

    /// The numbers of this table itself, a plain list, with errors naming its place in the argument
    /// (`field '[2]': number expected at index 2, got string`).
    func sequenceNumbers() throws(LuaError) -> [Double] {
        do throws(LuaError) {
            return try call.numbers(index)
        } catch {
            guard case .argument(_, let message) = error, !path.isEmpty else { throw error }
            throw .argument(position: position, message: "field '\(path.dropLast())': \(message)")
        }
    }

    /// Whether this table is a plain sequence of numbers (its first element is a number).
    var isNumberSequence: Bool {
        guard call.type(at: index) == .table else { return false }
        lua_rawgeti(call.L, index, 1)
        defer { call.pop() }  // pop the first element
        return call.type(at: call.count) == .number
    }
}
