import LuaBridge
import LuaShim
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

    /// The data table passed as argument `position`.
    init(_ call: LuaCall, at position: Int32) throws(LuaError) {
        guard call.type(at: position) == .table else {
            throw .typeMismatch(position: position, expected: "table", got: call.typeName(at: position))
        }
        self.init(call: call, position: position, index: lua_absindex(call.L, position), path: "")
    }

    private init(call: LuaCall, position: Int32, index: Int32, path: String) {
        self.call = call
        self.position = position
        self.index = index
        self.path = path
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

    /// The numbers of sequence field `key`, or nil when absent.
    func numbers(_ key: String) throws(LuaError) -> [Double]? {
        try with(key) { (top) throws(LuaError) -> [Double]? in
            if call.isNoneOrNil(top) { return nil }
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
            guard value.rounded() == value, abs(value) < 9.0e15 else { throw error(key, "must be an integer") }
            return Int(value)
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
            let nested = ChartData(call: call, position: position, index: top, path: path + key + ".")
            return try nested.elements(read)
        }
    }

    /// Each table element `self[1..#self]` read by `read`, with `[i].` added to the path.
    func elements<T>(_ read: (ChartData) throws(LuaError) -> T) throws(LuaError) -> [T] {
        let prefix = path.hasSuffix(".") ? String(path.dropLast()) : path
        var results: [T] = []
        for i in 1...max(1, Int(lua_rawlen(call.L, index))) where lua_rawlen(call.L, index) > 0 {
            lua_rawgeti(call.L, index, lua_Integer(i))
            defer { call.pop() }  // pop the element
            let element = call.count
            guard call.type(at: element) == .table else {
                throw .argument(position: position, message: "field '\(prefix)[\(i)]': table expected, got \(call.typeName(at: element))")
            }
            results.append(try read(ChartData(call: call, position: position, index: element, path: "\(prefix)[\(i)].")))
        }
        return results
    }

    /// Whether this table is a plain sequence of numbers (its first element is a number).
    var isNumberSequence: Bool {
        lua_rawgeti(call.L, index, 1)
        defer { call.pop() }  // pop the first element
        return call.type(at: call.count) == .number
    }
}
