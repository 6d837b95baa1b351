import LuaBridge
import LuaShim
import Testing

@testable import FlashREPL

/// A userdata type with methods, reached through its metatable's `__index`.
final class Basket: LuaObject {
    static let luaTypeName = "Basket"

    /// A method that returns nothing.
    static func method(_ name: String) -> LuaMethod<Basket> {
        LuaMethod(name, "b:\(name)()", "Does nothing.") { _, _ in 0 }
    }

    /// The `basket` library; with `fallbackIndex`, `__index` is a function and methods sit in `__methods`.
    static func library(fallbackIndex: Bool) -> LuaLibrary {
        let index: (@Sendable (LuaCall, Basket) throws -> Int32)? = fallbackIndex ? { @Sendable _, _ in 0 } : nil
        let basketClass = LuaClass<Basket>(
            summary: "A basket.", methods: [method("total"), method("items"), method("tag")],
            describe: { _ in "Basket" }, index: index)
        let new = LuaLibraryFunction("new", "basket.new() -> Basket", "Makes a basket.") { call in
            call.push(Basket())
            return 1
        }
        return LuaLibrary(name: "basket", summary: "Baskets.", functions: [new], classes: [basketClass])
    }
}

@Suite struct CompleterTests {
    let state: LuaState

    init() throws {
        state = try LuaState()
        state.open(Basket.library(fallbackIndex: false))
        try state.execute(
            """
            s = "text"
            b = basket.new()
            shop = { zone = { north = 1, nord = 2 }, name = "x", ["two words"] = 3, [1] = 4, open = print }
            trap = setmetatable({}, { __index = function() error("ran") end })
            """)
    }

    @Test(arguments: [
        ("string.fo", ["string.format"]),
        ("string.re", ["string.rep", "string.reverse"]),
        ("pri", ["print"]),
        ("wh", ["while"]),
        ("shop.", ["shop.name", "shop.open", "shop.zone"]),
        ("shop.zone.no", ["shop.zone.nord", "shop.zone.north"]),
        ("shop:", ["shop:open"]),
        ("s:up", ["s:upper"]),
        ("b:", ["b:items", "b:tag", "b:total"]),
        ("b:t", ["b:tag", "b:total"]),
        ("nothing.x", []),
        ("shop.name.fo", ["shop.name.format"]),
        ("shop.open.", []),
        ("trap.x", []),
        ("shop..x", []),
        ("1.5", []),
    ])
    func completesNamesFieldsAndMethods(word: String, expected: [String]) {
        #expect(Completer(state: state).candidates(for: word) == expected)
    }

    @Test func globalsAndKeywordsShareOnePrefix() {
        let candidates = Completer(state: state).candidates(for: "")
        #expect(candidates.contains("string"))
        #expect(candidates.contains("function"))
        #expect(candidates == candidates.sorted())
    }

    @Test func methodsBehindAnIndexFunctionComeFromTheMethodsTable() throws {
        let state = try LuaState()
        state.open(Basket.library(fallbackIndex: true))
        try state.execute("b = basket.new()")
        #expect(Completer(state: state).candidates(for: "b:to") == ["b:total"])
    }

    @Test func completingLeavesTheStackAsItWas() {
        let top = lua_gettop(state.pointer)
        for word in ["shop.zone.n", "b:", "trap.x", "nothing.y", "s:"] {
            _ = Completer(state: state).candidates(for: word)
        }
        #expect(lua_gettop(state.pointer) == top)
    }
}
