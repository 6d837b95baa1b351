import LuaBridge
import LuaShim
import Testing

@testable import FlashREPL

/// A userdata type whose fields are computed (`crate.owner`, `crate.label`) and whose `copy` method
/// returns another: completion knows them from the class, without reading a field or calling.
final class Crate: LuaObject {
    static let luaTypeName = "Crate"

    static let library: LuaLibrary = {
        let crateClass = LuaClass<Crate>(
            summary: "A crate.",
            methods: [
                LuaMethod("copy", "c:copy() -> Crate", "A copy.") { call, _ in call.push(Crate()); return 1 },
                LuaMethod("weigh", "c:weigh() -> number", "Its weight.") { call, _ in call.push(1.0); return 1 },
            ],
            describe: { _ in "Crate" },
            fields: [
                "owner": { call, _ in fatalError("completion read a field") },
                "label": { call, _ in fatalError("completion read a field") },
            ],
            fieldTypes: ["owner": "Crate"])
        let new = LuaLibraryFunction("new", "crate.new() -> Crate", "Makes a crate.") { call in
            call.push(Crate())
            return 1
        }
        return LuaLibrary(name: "crate", summary: "Crates.", functions: [new], classes: [crateClass])
    }()
}

@Suite struct ExpressionCompletionTests {
    let state: LuaState

    init() throws {
        state = try LuaState()
        state.open(Crate.library)
        try state.execute("""
            c = crate.new()
            shop = { crates = { c }, name = "x" }
            trap = setmetatable({}, { __index = function() error("ran") end })
            """)
    }

    @Test(arguments: [
        ("c.", "", ["c.copy", "c.label", "c.owner", "c.weigh"]),
        ("c:", "", ["c:copy", "c:weigh"]),
        ("c.owner:", "", ["c.owner:copy", "c.owner:weigh"]),
        ("c.owner.owner.ow", "", ["c.owner.owner.owner"]),
        ("c.label:", "", []),
        (":", "x = c:copy()", [":copy", ":weigh"]),
        (":w", "print(c.owner:copy(\"a (b\", {1, (2)})", [":weigh"]),
        (".ow", "return crate.new():copy{}", [".owner"]),
        (".ow", "return crate.new().owner:copy()", [".owner"]),
        (".ow", "return c:copy{}", [".owner"]),
        (".", "c:weigh()", []),
        ("na", "print(shop.", ["name"]),
        (":", "trap.x", []),
        (".x", "f(1", []),
        ("", "c:copy()", []),
    ])
    func completesWhatAnExpressionGives(word: String, before: String, expected: [String]) {
        #expect(Completer(state: state).candidates(for: word, after: before) == expected, "\(before)|\(word)")
    }

    @Test(arguments: [
        ("a.b:c(1, \")\").d:", "a.b:c(1, \")\").d:"), ("print(sale.revenue:", "sale.revenue:"), ("x = 1 + s:", "s:"),
        ("f(a, b", "b"), ("\"text\":", ""), ("t[1].", "t[1]."), ("1.5", ""),
    ])
    func findsTheExpressionBeforeTheCursor(text: String, expression: String) {
        #expect(ExpressionParser.trailingExpression(of: text) == Substring(expression))
    }

    @Test func parsesFieldsMethodCallsAndCalls() {
        #expect(ExpressionParser.steps("sale.revenue:cumsum():slice(1, ')')") == [
            .field("sale"), .field("revenue"), .methodCall("cumsum"), .methodCall("slice"),
        ])
        #expect(ExpressionParser.steps("f(1).x{2}'s'") == [.field("f"), .call(firstArgument: "1"), .field("x"),
                                                           .call(firstArgument: nil), .call(firstArgument: nil)])
        #expect(ExpressionParser.steps("f( a.b[1] , g(1, 2)).x()") == [.field("f"), .call(firstArgument: "a.b[1]"), .field("x"),
                                                                        .call(firstArgument: nil)])
        #expect(ExpressionParser.steps("f(\"a,b\", 1)") == [.field("f"), .call(firstArgument: "\"a,b\"")])
        #expect(ExpressionParser.steps("t[1][ 'a' ][k]") == [.field("t"), .index(.integer(1)), .index(.string("a")), .index(nil)])
        #expect(ExpressionParser.steps("t[1") == nil)
    }

    @Test func completingLeavesTheStackAsItWas() {
        let top = lua_gettop(state.pointer)
        for (word, before) in [("c.owner:", ""), (":", "c:copy()"), ("x", "trap."), ("na", "shop.")] {
            _ = Completer(state: state).candidates(for: word, after: before)
        }
        #expect(lua_gettop(state.pointer) == top)
    }
}
