import LuaShim

/// Help text for one function or method.
public struct LuaDoc: Sendable, Equatable {
    /// The name as written in Lua.
    public let name: String
    /// How it is called, e.g. `orders.read(path [, options]) -> Orders`.
    public let signature: String
    /// One or two sentences on what it does.
    public let summary: String

    /// Creates a help entry.
    public init(name: String, signature: String, summary: String) {
        self.name = name
        self.signature = signature
        self.summary = summary
    }
}

/// A documented function of a Lua library.
public struct LuaLibraryFunction: Sendable {
    /// Help for the function.
    public let doc: LuaDoc
    /// The class or shape (LuaShape) it returns, for completion: `returns:`, else the signature's `-> Type`.
    public let returns: String?
    /// What it returns instead when its first argument is a table holding a field of the key's name
    /// (`forecast.run` of a grouped read, which has `groups`), for completion.
    public let returnsWhenFirstArgumentHas: [String: String]
    /// The implementation.
    public let body: LuaFunction

    /// Creates an entry of a library's registration table.
    public init(
        _ name: String, _ signature: String, _ summary: String, returns: String? = nil,
        returnsWhenFirstArgumentHas: [String: String] = [:], _ body: @escaping LuaFunction
    ) {
        doc = LuaDoc(name: name, signature: signature, summary: summary)
        self.returns = returns ?? LuaSignature.returnedClass(signature)
        self.returnsWhenFirstArgumentHas = returnsWhenFirstArgumentHas
        self.body = body
    }
}

/// A Lua module implemented in Swift, in the manner of Lua's `luaL_Reg` tables: a name, a
/// registration table of functions and the userdata classes it creates.
///
/// Opening it sets the global `name` and `package.loaded[name]`, so `require "name"` works too.
public struct LuaLibrary: Sendable {
    /// The module name, e.g. `orders`.
    public let name: String
    /// One sentence on what the library is for, for help.
    public let summary: String
    /// The registration table.
    public let functions: [LuaLibraryFunction]
    /// Userdata types the library's functions return.
    public let classes: [any LuaClassRegistration]
    /// Shapes of the tables its functions and classes return, for completion.
    public let shapes: [LuaShape]

    /// Creates a library description.
    public init(
        name: String, summary: String, functions: [LuaLibraryFunction], classes: [any LuaClassRegistration] = [],
        shapes: [LuaShape] = []
    ) {
        self.name = name
        self.summary = summary
        self.functions = functions
        self.classes = classes
        self.shapes = shapes
    }
}

extension LuaState {
    /// Installs `library`: its classes' metatables, then its table as a global and in `package.loaded`.
    public func open(_ library: LuaLibrary) {
        let L = pointer
        let base = lua_gettop(L)
        for type in library.classes { type.register(on: L) }
        for shape in library.shapes { shape.register(on: L) }
        let call = LuaCall(L)
        call.pushTable(fieldCapacity: library.functions.count) { table in
            for function in library.functions {
                table.set(function.doc.name) { call in
                    call.push(function: function.body)
                    if let type = function.returns {
                        call.declareReturns(type, whenFirstArgumentHas: function.returnsWhenFirstArgumentHas)
                    }
                }
            }
        }
        lua_pushvalue(L, -1)
        lua_setglobal(L, library.name)
        if lua_getglobal(L, "package") == LUA_TTABLE, lua_getfield(L, -1, "loaded") == LUA_TTABLE {
            lua_pushvalue(L, -3)
            lua_setfield(L, -2, library.name)  // package.loaded[name] = library table
        }
        lua_settop(L, base)  // drop the library table and package.loaded
        openedLibraries.removeAll { $0.name == library.name }
        openedLibraries.append(library)
    }

    /// Registers a global function written in Swift.
    public func setGlobal(_ name: String, _ function: @escaping LuaFunction) {
        LuaCall(pointer).push(function: function)
        lua_setglobal(pointer, name)
    }
}
