import LuaShim

/// The declared shape of a table that functions return (`{revenue = Series, total = number, ...}`),
/// under a name that signatures and `returns:` use as they use a class's: data for the REPL's
/// completion only, so that `orders.read(path).revenue:` completes without reading anything.
///
/// It is kept in the registry under its name as a class's metatable is, with the same `__fields`
/// (each field's class or shape name, or the Lua type of a plain value) and `__items` (what `t[i]`
/// holds), so completion reads a shape and a class alike.
public struct LuaShape: Sendable {
    /// The name signatures use, e.g. `OrdersResult`.
    public let name: String
    /// Each field's class or shape name, or a Lua type name (`number`, `string`, `table`).
    public let fields: [String: String]
    /// The class or shape of `t[i]`, for arrays (`bt.pieces`).
    public let items: String?

    /// Creates a shape.
    public init(_ name: String, fields: [String: String] = [:], items: String? = nil) {
        self.name = name
        self.fields = fields
        self.items = items
    }

    /// Writes the shape into the registry of `L`, once per state.
    public func register(on L: OpaquePointer) {
        let call = LuaCall(L)
        defer { lua_settop(L, lua_gettop(L) - 1) }  // pop what the registry held or the new shape
        guard call.pushRegistryValue(name) == .nil else { return }
        lshim_pop(L, 1)  // pop the nil
        call.pushTable(fieldCapacity: 2) { table in
            table.set("__fields") { call in
                call.pushTable(fieldCapacity: fields.count) { names in
                    for (field, type) in fields { names.set(field, type) }
                }
            }
            if let items { table.set("__items", items) }
        }
        call.setRegistryValue(name, at: -1)
    }
}

extension LuaCall {
    /// Registry key of the table from library functions to the class or shape they return.
    static let returnsKey = "LuaBridge.returns"

    /// Records that the function on top of the stack returns `type` (a class or shape name), for
    /// completion after a call (`series.new{...}:`), or the type `byField` names for a field its first
    /// argument has (a table of them is kept: `[1]` the type, each field its own). The function stays
    /// on the stack.
    public func declareReturns(_ type: String, whenFirstArgumentHas byField: [String: String] = [:]) {
        if pushRegistryValue(Self.returnsKey) != .table {
            lshim_pop(L, 1)  // pop the nil
            lshim_newtable(L)
            setRegistryValue(Self.returnsKey, at: -1)
        }
        lua_pushvalue(L, -2)  // the function as key
        if byField.isEmpty {
            push(type)
        } else {
            pushTable(arrayCapacity: 1, fieldCapacity: byField.count) { table in
                table.set(1) { $0.push(type) }
                for (field, fieldType) in byField { table.set(field, fieldType) }
            }
        }
        lua_rawset(L, -3)
        lshim_pop(L, 1)  // pop the table of returns
    }

    /// Pushes the class or shape name that the function at `index` was declared to return and
    /// returns true; pushes nothing and returns false when none was. `firstArgument`, the index of
    /// the call's first argument where it is known, picks among types declared by its fields. Raw
    /// access only.
    public func pushDeclaredReturn(of index: Int32, firstArgument: Int32? = nil) -> Bool {
        let function = lua_absindex(L, index)
        let argument = firstArgument.map { lua_absindex(L, $0) }
        guard pushRegistryValue(Self.returnsKey) == .table else {
            lshim_pop(L, 1)  // pop the nil
            return false
        }
        lua_pushvalue(L, function)
        switch lua_rawget(L, -2) {
        case LUA_TSTRING:
            lshim_remove(L, -2)  // keep the name, drop the table of returns
            return true
        case LUA_TTABLE:
            let declared = lua_gettop(L)
            let field = argument.flatMap { argument in
                type(at: argument) != .table ? nil : stringKeys(declared).sorted().first { key in
                    defer { pop() }  // pop the argument's field
                    return rawField(argument, key) != .nil
                }
            }
            _ = field.map { rawField(declared, $0) } ?? rawIndex(declared, 1)
            lua_copy(L, -1, -3)  // the name where the table of returns was
            lshim_pop(L, 2)  // pop the name's copy and the declared table
            return true
        default:
            lshim_pop(L, 2)  // pop the value and the table
            return false
        }
    }
}
