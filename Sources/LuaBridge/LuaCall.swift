import LuaShim

/// The view a Swift function has of its Lua call: the arguments on the stack and a place for results.
///
/// Every reader here checks types without raising and throws ``LuaError`` with Lua's own wording.
public struct LuaCall {
    /// The interpreter (or coroutine thread) the call runs on.
    public let L: OpaquePointer

    /// Wraps the stack of `L`.
    public init(_ L: OpaquePointer) {
        self.L = L
    }

    /// The `LuaState` that owns this call's interpreter.
    public var state: LuaState? { LuaState.owning(L) }

    /// Number of values on the stack: the arguments, until the function pushes more.
    public var count: Int32 { lua_gettop(L) }

    /// Lua's type of the value at `index`.
    public func type(at index: Int32) -> LuaType {
        LuaType(rawValue: lua_type(L, index)) ?? .none
    }

    /// The name Lua uses for the value's type in messages, honouring a metatable's `__name`.
    public func typeName(at index: Int32) -> String {
        if luaL_getmetafield(L, index, "__name") != LUA_TNIL {
            defer { lshim_pop(L, 1) }  // pop the __name value
            if lua_type(L, -1) == LUA_TSTRING, let name = lua_tolstring(L, -1, nil) {
                return String(cString: name)
            }
        }
        if lua_type(L, index) == LUA_TLIGHTUSERDATA { return "light userdata" }
        return String(cString: lshim_typename(L, index))
    }

    /// True when the argument is absent or nil.
    public func isNoneOrNil(_ index: Int32) -> Bool {
        lua_type(L, index) <= LUA_TNIL
    }

    @usableFromInline
    func mismatch(_ index: Int32, _ expected: String) -> LuaError {
        let got = lua_type(L, index) == LUA_TNONE ? "no value" : typeName(at: index)
        return .typeMismatch(position: index, expected: expected, got: got)
    }

    /// The number at `index` (numeric strings convert, as in Lua).
    @inlinable
    public func number(_ index: Int32) throws(LuaError) -> Double {
        var isNumber: Int32 = 0
        let value = lua_tonumberx(L, index, &isNumber)
        guard isNumber != 0 else { throw mismatch(index, "number") }
        return value
    }

    /// The number at `index`, or `defaultValue` when absent or nil.
    public func number(_ index: Int32, default defaultValue: Double) throws(LuaError) -> Double {
        isNoneOrNil(index) ? defaultValue : try number(index)
    }

    /// The integer at `index`; a float without an integer value is refused as Lua does.
    @inlinable
    public func integer(_ index: Int32) throws(LuaError) -> Int {
        var isInteger: Int32 = 0
        let value = lua_tointegerx(L, index, &isInteger)
        if isInteger != 0 { return Int(value) }
        var isNumber: Int32 = 0
        _ = lua_tonumberx(L, index, &isNumber)
        if isNumber != 0 {
            throw .argument(position: index, message: "number has no integer representation")
        }
        throw mismatch(index, "number")
    }

    /// The integer at `index`, or `defaultValue` when absent or nil.
    public func integer(_ index: Int32, default defaultValue: Int) throws(LuaError) -> Int {
        isNoneOrNil(index) ? defaultValue : try integer(index)
    }

    /// The string at `index` (numbers convert, as in Lua); bytes that are not UTF-8 are repaired.
    public func string(_ index: Int32) throws(LuaError) -> String {
        let kind = lua_type(L, index)
        guard kind == LUA_TSTRING || kind == LUA_TNUMBER else { throw mismatch(index, "string") }
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { throw mismatch(index, "string") }
        let buffer = UnsafeRawBufferPointer(start: bytes, count: length)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// The string at `index`, or `defaultValue` when absent or nil.
    public func string(_ index: Int32, default defaultValue: String) throws(LuaError) -> String {
        isNoneOrNil(index) ? defaultValue : try string(index)
    }

    /// The truth value of the argument, as Lua sees it (only nil and false are false).
    public func boolean(_ index: Int32) -> Bool {
        lua_toboolean(L, index) != 0
    }

    /// Checks that the argument is a table and returns its absolute index.
    @discardableResult
    public func table(_ index: Int32) throws(LuaError) -> Int32 {
        guard lua_type(L, index) == LUA_TTABLE else { throw mismatch(index, "table") }
        return lua_absindex(L, index)
    }

    /// Checks that the argument is a function and returns its absolute index.
    @discardableResult
    public func function(_ index: Int32) throws(LuaError) -> Int32 {
        guard lua_type(L, index) == LUA_TFUNCTION else { throw mismatch(index, "function") }
        return lua_absindex(L, index)
    }

    /// Checks that an argument is present (of any type, nil included).
    public func any(_ index: Int32) throws(LuaError) {
        guard lua_type(L, index) != LUA_TNONE else {
            throw .argument(position: index, message: "value expected")
        }
    }
}

/// Lua's basic types.
public enum LuaType: Int32, Sendable {
    case none = -1, `nil` = 0, boolean, lightUserdata, number, string, table, function, userdata, thread
}
