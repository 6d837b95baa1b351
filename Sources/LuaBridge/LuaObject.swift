import LuaShim

/// A Swift class whose instances Lua holds as full userdata with a named metatable.
public protocol LuaObject: AnyObject, SendableMetatype {
    /// The metatable name, used in messages such as `(Series expected, got table)`.
    static var luaTypeName: String { get }

    /// Bytes the object keeps alive on the Swift side (its arrays, layers, text), as long as Lua
    /// holds it: they count against the state's memory cap and make Lua's collector run as if Lua
    /// had allocated them. Read when the object is pushed and after each of its methods runs, so
    /// it must be cheap; estimate generously. Default: 0.
    var memoryFootprint: Int { get }
}

extension LuaObject {
    /// No memory beyond the userdata itself.
    public var memoryFootprint: Int { 0 }
}

extension LuaCall {
    /// Pushes `object` as a userdata of its registered class; Lua keeps it alive until collected.
    public func push<Object: LuaObject>(_ object: Object) {
        let retained = Unmanaged.passRetained(object).toOpaque()
        lshim_pushobject(L, retained, releaseRetained, Object.luaTypeName, Self.bytes(object.memoryFootprint))
    }

    /// Re-reads the footprint of `object`, the userdata at `index`, after Swift changed what it
    /// holds (the bridge does it for `self` after every method; a library function that grows an
    /// object passed as an argument calls this).
    public func updateFootprint<Object: LuaObject>(at index: Int32, of object: Object) {
        let pointer = Unmanaged.passUnretained(object).toOpaque()
        lshim_setfootprint(L, index, pointer, Self.bytes(object.memoryFootprint))
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

    private static func bytes(_ footprint: Int) -> Int { max(0, footprint) }
}
