import LuaShim

/// A documented method of a Lua class: `object:name(...)`.
public struct LuaMethod<Object: LuaObject>: Sendable {
    /// The method's name in Lua.
    public let name: String
    /// How it is called, e.g. `s:slice(from, to) -> Series`.
    public let signature: String
    /// One sentence on what it does.
    public let summary: String
    /// The class or shape (LuaShape) it returns, for completion: `returns:`, else the signature's
    /// `-> Type`, or the object's own class when the signature returns the receiver (`c:line(v) -> c`).
    public let returns: String?
    /// The implementation; argument 1 is `self`, already checked.
    public let body: @Sendable (LuaCall, Object) throws -> Int32

    /// Creates a method.
    public init(
        _ name: String, _ signature: String, _ summary: String, returns: String? = nil,
        _ body: @escaping @Sendable (LuaCall, Object) throws -> Int32
    ) {
        self.name = name
        self.signature = signature
        self.summary = summary
        self.returns = returns ?? LuaSignature.returnedClass(signature, receiverClass: Object.luaTypeName)
        self.body = body
    }
}

/// The metatable of a userdata type: methods, `__tostring`, `__len`, an `__index` fallback and
/// further metamethods. `__gc` releases the Swift object and `__metatable` is locked.
public struct LuaClass<Object: LuaObject>: LuaClassRegistration {
    /// The methods, reachable as `object:name(...)`.
    public var methods: [LuaMethod<Object>]
    /// Text for `tostring(object)`.
    public var describe: @Sendable (Object) -> String
    /// Value of `#object`, if the type has a length.
    public var length: (@Sendable (Object) -> Int)?
    /// Handles `object[key]` for keys that are not strings (the key is argument 2); unknown names give nil.
    public var index: (@Sendable (LuaCall, Object) throws -> Int32)?
    /// Read-only fields by name, `object.name`: each pushes the field's value and returns 1.
    public var fields: [String: @Sendable (LuaCall, Object) -> Int32]
    /// Further metamethods by name (`__call`, `__add`, `__concat`...).
    public var metamethods: [String: LuaFunction]
    /// Whether a table or userdata that a field or `index` gives is made once per object and kept,
    /// so that repeated reads give the same one (`fc.metrics == fc.metrics`, `bt.pieces[1] ==
    /// bt.pieces[1]`). Leave it off for objects whose values change under them (a live sale after
    /// a refresh) or are copies too large to keep (a matrix's rows), and say so in `summary`.
    public var cachesValues: Bool
    /// One sentence on what the type is, for help.
    public var summary: String
    /// The class names of fields that hold userdata of a registered class (`revenue = "Series"`), so
    /// that completion can offer `sale.revenue:` methods without reading the field; a field holding
    /// a table may name its LuaShape, one holding a plain value its Lua type (`number`).
    public var fieldTypes: [String: String]
    /// The class or shape of `object[i]`, for completion of `w[1].`.
    public var itemType: String?

    /// Creates a class description.
    public init(
        summary: String, methods: [LuaMethod<Object>], describe: @escaping @Sendable (Object) -> String,
        length: (@Sendable (Object) -> Int)? = nil, index: (@Sendable (LuaCall, Object) throws -> Int32)? = nil,
        fields: [String: @Sendable (LuaCall, Object) -> Int32] = [:], fieldTypes: [String: String] = [:],
        itemType: String? = nil, metamethods: [String: LuaFunction] = [:], cachesValues: Bool = false
    ) {
        self.summary = summary
        self.fieldTypes = fieldTypes
        self.itemType = itemType
        self.methods = methods
        self.describe = describe
        self.length = length
        self.index = index
        self.fields = fields
        self.metamethods = metamethods
        self.cachesValues = cachesValues
    }

    /// The metatable name.
    public var typeName: String { Object.luaTypeName }

    /// Method names with their signatures and summaries, for help.
    public var methodDocs: [LuaDoc] {
        methods.map { LuaDoc(name: $0.name, signature: $0.signature, summary: $0.summary) }
    }

    /// Creates the metatable in the registry of `L` (once per state).
    public func register(on L: OpaquePointer) {
        let call = LuaCall(L)
        guard luaL_newmetatable(L, Object.luaTypeName) != 0 else {
            lshim_pop(L, 1)  // already registered: pop it
            return
        }
        let metatable = lua_gettop(L)
        call.pushTable(fieldCapacity: methods.count) { table in
            for method in methods {
                table.set(method.name) { $0.push(function: Self.bindSelf(method.body)) }
            }
        }
        if index != nil || !fields.isEmpty {
            lua_setfield(L, metatable, "__methods")  // keep methods for the fallback
            call.push(function: Self.indexFallback(index, fields, cachesValues: cachesValues))
        }
        lua_setfield(L, metatable, "__index")
        let describe = describe
        set("__tostring", on: metatable, call) { call in
            call.push(describe(try call.object(1, as: Object.self)))
            return 1
        }
        if let length {
            set("__len", on: metatable, call) { call in
                call.push(length(try call.object(1, as: Object.self)))
                return 1
            }
        }
        set("__eq", on: metatable, call) { call in
            let left = call.optionalObject(1, as: Object.self)
            call.push(left != nil && left === call.optionalObject(2, as: Object.self))
            return 1
        }
        for (name, function) in metamethods { set(name, on: metatable, call, function) }
        registerCompletionData(on: metatable, call)
        lshim_pushobjectgc(L)
        lua_setfield(L, metatable, "__gc")
        lua_pushboolean(L, 0)
        lua_setfield(L, metatable, "__metatable")
        lshim_pop(L, 1)  // pop the metatable
    }

    /// `__fields` (each field's class name, or true), `__returns` (the class a method returns) and
    /// `__items` (the class of `object[i]`): data the REPL's completion reads without running code.
    private func registerCompletionData(on metatable: Int32, _ call: LuaCall) {
        call.pushTable(fieldCapacity: fields.count) { table in
            for name in fields.keys {
                if let type = fieldTypes[name] { table.set(name, type) } else { table.set(name, true) }
            }
        }
        lua_setfield(call.L, metatable, "__fields")
        call.pushTable(fieldCapacity: methods.count) { table in
            for method in methods {
                if let type = method.returns { table.set(method.name, type) }
            }
        }
        lua_setfield(call.L, metatable, "__returns")
        if let itemType {
            call.push(itemType)
            lua_setfield(call.L, metatable, "__items")
        }
    }

    private func set(_ name: String, on metatable: Int32, _ call: LuaCall, _ function: @escaping LuaFunction) {
        call.push(function: function)
        lua_setfield(call.L, metatable, name)
    }

    /// A method with `self` checked; afterwards `self`'s footprint is re-read, since methods
    /// change what objects hold (a model's layers, a live sale's minutes).
    private static func bindSelf(_ body: @escaping @Sendable (LuaCall, Object) throws -> Int32) -> LuaFunction {
        { call in
            let object = try call.object(1, as: Object.self)
            defer { call.updateFootprint(at: 1, of: object) }
            return try body(call, object)
        }
    }

    private static func indexFallback(
        _ index: (@Sendable (LuaCall, Object) throws -> Int32)?, _ fields: [String: @Sendable (LuaCall, Object) -> Int32],
        cachesValues: Bool
    ) -> LuaFunction {
        { call in
            let object = try call.object(1, as: Object.self)
            if call.type(at: 2) == .string {
                if let field = fields[try call.string(2)] {
                    return cachesValues ? call.pushKept { field(call, object) } : field(call, object)
                }
                lua_getmetatable(call.L, 1)
                lua_getfield(call.L, -1, "__methods")
                lua_pushvalue(call.L, 2)
                lua_rawget(call.L, -2)
                return 1  // the method, or nil for an unknown name
            }
            guard let index else { return 0 }
            return cachesValues ? try call.pushKept { try index(call, object) } : try index(call, object)
        }
    }
}

/// Anything that can install a userdata metatable, so a library can list classes of several types.
public protocol LuaClassRegistration: Sendable {
    /// The metatable name.
    var typeName: String { get }
    /// One sentence on what the type is, for help.
    var summary: String { get }
    /// Method docs, for help.
    var methodDocs: [LuaDoc] { get }
    /// Creates the metatable in the registry of `L`.
    func register(on L: OpaquePointer)
}
