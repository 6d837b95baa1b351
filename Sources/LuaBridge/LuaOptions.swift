import LuaShim

/// Reads an options table argument such as `{epochs=200, lr=1e-3}` with defaults.
///
/// Errors name the option and the argument:
/// `bad argument #3 to 'fit' (option 'epochs': number expected, got string)`.
public struct LuaOptions {
    let call: LuaCall
    let table: Int32?
    /// The argument position of the options table, for error messages.
    public let position: Int32

    /// Reads the options at `position`; an absent or nil argument means "all defaults".
    public init(_ call: LuaCall, at position: Int32) throws(LuaError) {
        self.call = call
        self.position = position
        table = call.isNoneOrNil(position) ? nil : try call.table(position)
    }

    /// An error about option `key`, worded as a bad argument.
    public func error(_ key: String, _ message: String) -> LuaError {
        .argument(position: position, message: "option '\(key)' \(message)")
    }

    /// Refuses keys that are not in `allowed` (catches typos such as `epoch` for `epochs`).
    public func allow(_ allowed: Set<String>) throws(LuaError) {
        guard let table else { return }
        for key in call.stringKeys(table).sorted() where !allowed.contains(key) {
            throw .argument(position: position, message: "unknown option '\(key)'")
        }
    }

    /// True when the option is present and not nil.
    public func has(_ key: String) -> Bool {
        guard let table else { return false }
        defer { lshim_pop(call.L, 1) }  // pop the field
        return call.rawField(table, key) != .nil
    }

    /// Pushes the option's value (nil when absent) and runs `read` on it at the top of the stack.
    public func with<T>(_ key: String, _ read: (Int32) throws(LuaError) -> T) throws(LuaError) -> T {
        if let table { call.rawField(table, key) } else { call.pushNil() }
        defer { lshim_pop(call.L, 1) }  // pop the field
        return try read(call.count)
    }

    private func typed<T>(_ key: String, _ expected: String, _ convert: (Int32) -> T?) throws(LuaError) -> T? {
        try with(key) { (index) throws(LuaError) -> T? in
            if call.isNoneOrNil(index) { return nil }
            guard let value = convert(index) else {
                throw error(key, "\(expected) expected, got \(call.typeName(at: index))")
            }
            return value
        }
    }

    /// The number option, or nil when absent.
    public func number(_ key: String) throws(LuaError) -> Double? {
        try typed(key, "number") { index in
            guard call.type(at: index) == .number else { return nil }
            return lua_tonumberx(call.L, index, nil)
        }
    }

    /// The number option, or `defaultValue`.
    public func number(_ key: String, default defaultValue: Double) throws(LuaError) -> Double {
        try number(key) ?? defaultValue
    }

    /// The integer option, or nil when absent.
    public func integer(_ key: String) throws(LuaError) -> Int? {
        guard let value = try number(key) else { return nil }
        if let problem = Self.integerProblem(value) { throw error(key, problem) }
        return Int(value)
    }

    /// Why `value` is not an integer option (`must be an integer`), or nil. Integers are kept within
    /// +-9e15 so that sums of a few of them (minutes, counts) cannot overflow.
    public static func integerProblem(_ value: Double) -> String? {
        guard value.isFinite, value.rounded() == value else { return "must be an integer" }
        guard abs(value) < 9.0e15 else {
            return "must be between -9e15 and 9e15, got \(abs(value) < 9.2e18 ? String(Int(value)) : String(value))"
        }
        return nil
    }

    /// The integer option, or `defaultValue`.
    public func integer(_ key: String, default defaultValue: Int) throws(LuaError) -> Int {
        try integer(key) ?? defaultValue
    }

    /// The string option, or nil when absent.
    public func string(_ key: String) throws(LuaError) -> String? {
        try typed(key, "string") { index in
            guard call.type(at: index) == .string else { return nil }
            return try? call.string(index)
        }
    }

    /// The string option, or `defaultValue`.
    public func string(_ key: String, default defaultValue: String) throws(LuaError) -> String {
        try string(key) ?? defaultValue
    }

    /// The boolean option, or `defaultValue`.
    public func boolean(_ key: String, default defaultValue: Bool) throws(LuaError) -> Bool {
        try typed(key, "boolean") { index in
            call.type(at: index) == .boolean ? call.boolean(index) : nil
        } ?? defaultValue
    }

    /// The option as one of `choices`, or `defaultValue`.
    public func choice(_ key: String, _ choices: [String], default defaultValue: String) throws(LuaError) -> String {
        let value = try string(key, default: defaultValue)
        guard choices.contains(value) else {
            let list = choices.map { "'\($0)'" }.joined(separator: ", ")
            throw error(key, "must be one of \(list), got '\(value)'")
        }
        return value
    }

    /// The number option, which must be positive, or `defaultValue`.
    public func positive(_ key: String, default defaultValue: Double) throws(LuaError) -> Double {
        let value = try number(key, default: defaultValue)
        guard value > 0, value.isFinite else { throw error(key, "must be a positive number") }
        return value
    }

    /// The integer option, which must be at least `minimum`, or `defaultValue`.
    public func integer(_ key: String, atLeast minimum: Int, default defaultValue: Int) throws(LuaError) -> Int {
        let value = try integer(key, default: defaultValue)
        guard value >= minimum else { throw error(key, "must be at least \(minimum)") }
        return value
    }
}
