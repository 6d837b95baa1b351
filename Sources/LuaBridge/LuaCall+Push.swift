import LuaShim

extension LuaCall {
    /// Pushes nil.
    public func pushNil() { lua_pushnil(L) }

    /// Pushes a number (a float).
    @inlinable
    public func push(_ value: Double) { lua_pushnumber(L, value) }

    /// Pushes an integer.
    @inlinable
    public func push(_ value: Int) { lua_pushinteger(L, lua_Integer(value)) }

    /// Pushes a boolean.
    public func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }

    /// Pushes a string with all its bytes (NUL bytes included).
    public func push(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// Pushes a string, or nil when absent.
    public func push(_ value: String?) {
        if let value { push(value) } else { pushNil() }
    }

    /// Pushes a number, or nil when absent.
    public func push(_ value: Double?) {
        if let value { push(value) } else { pushNil() }
    }

    /// Pushes a sequence `{v1, v2, ...}` of numbers.
    public func push(_ values: [Double]) {
        lua_createtable(L, Int32(clamping: values.count), 0)
        for (offset, value) in values.enumerated() {
            lua_pushnumber(L, value)
            lua_rawseti(L, -2, lua_Integer(offset + 1))
        }
    }

    /// Pushes a sequence of strings.
    public func push(_ values: [String]) {
        lua_createtable(L, Int32(clamping: values.count), 0)
        for (offset, value) in values.enumerated() {
            push(value)
            lua_rawseti(L, -2, lua_Integer(offset + 1))
        }
    }

    /// Pushes a table built by `fill`, which sets fields on the table at the top of the stack.
    public func pushTable(arrayCapacity: Int = 0, fieldCapacity: Int = 0, _ fill: (LuaTableBuilder) -> Void) {
        lua_createtable(L, Int32(clamping: arrayCapacity), Int32(clamping: fieldCapacity))
        fill(LuaTableBuilder(call: self))
    }

    /// Returns `nil, message`: Lua's channel for expected failures (a bad file, a bad row).
    public func failure(_ message: String) -> Int32 {
        pushNil()
        push(message)
        return 2
    }
}

/// Sets fields on the table at the top of the stack, without metamethods.
public struct LuaTableBuilder {
    let call: LuaCall

    /// Sets `table[key]` to the value that `push` leaves on the stack.
    public func set(_ key: String, _ push: (LuaCall) -> Void) {
        call.push(key)
        push(call)
        lua_rawset(call.L, -3)
    }

    /// Sets `table[key] = value`.
    public func set(_ key: String, _ value: Double) { set(key) { $0.push(value) } }
    /// Sets `table[key] = value` as an integer.
    public func set(_ key: String, _ value: Int) { set(key) { $0.push(value) } }
    /// Sets `table[key] = value`.
    public func set(_ key: String, _ value: String) { set(key) { $0.push(value) } }
    /// Sets `table[key] = value`.
    public func set(_ key: String, _ value: Bool) { set(key) { $0.push(value) } }

    /// Sets `table[key]` for a number key (`t[0.8]`) to the value that `push` leaves on the stack.
    public func set(number key: Double, _ push: (LuaCall) -> Void) {
        call.push(key)
        push(call)
        lua_rawset(call.L, -3)
    }

    /// Sets `table[index]` to the value that `push` leaves on the stack.
    public func set(_ index: Int, _ push: (LuaCall) -> Void) {
        push(call)
        lua_rawseti(call.L, -2, lua_Integer(index))
    }
}
