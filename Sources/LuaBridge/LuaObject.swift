import LuaShim

/// A Swift class whose instances Lua holds as full userdata with a named metatable.
public protocol LuaObject: AnyObject, SendableMetatype {
    /// The metatable name, used in messages such as `(Series expected, got table)`.
    static var luaTypeName: String { get }
}

extension LuaCall {
    /// Pushes `object` as a userdata of its registered class; Lua keeps it alive until collected.
    public func push<Object: LuaObject>(_ object: Object) {
        let retained = Unmanaged.passRetained(object).toOpaque()
        lshim_pushobject(L, retained, releaseRetained, Object.luaTypeName)
    }

    /// The object at `index`, which must be a userdata of class `Object`.
    public func object<Object: LuaObject>(_ index: Int32, as type: Object.Type) throws(LuaError) -> Object {
        guard let object = optionalObject(index, as: type) else { throw mismatch(index, Object.luaTypeName) }
        return object
    }

    /// The object at `index` if it is a userdata of class `Object`, else nil.
    public func optionalObject<Object: LuaObject>(_ index: Int32, as type: Object.Type) -> Object? {
        guard let pointer = lshim_toobject(L, index, Object.luaTypeName) else { return nil }
        return Unmanaged<Object>.fromOpaque(pointer).takeUnretainedValue()
    }
}
