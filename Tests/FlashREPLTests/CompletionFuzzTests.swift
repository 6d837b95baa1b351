import FlashLua
import LuaBridge
import LuaShim
import NeuralNet
import Testing

@testable import FlashREPL

/// Whatever a user types before Tab, completion returns (never traps) and leaves the stack as it was:
/// random lines of names, separators, brackets, quotes and numbers over FlashCast's libraries.
@Suite struct CompletionFuzzTests {
    static let pieces = [
        "s", "fc", "orders", "read", "series", "new", "forecast", "run", "bands", "trap", "_G", "string", "t", "x",
        ".", ":", "(", ")", "[", "]", "{", "}", "\"", "'", ",", " ", "1", "0.95", "-", "=", "..", "\\", "é", "[[", "#",
    ]

    @Test func randomLinesNeverTrapAndKeepTheStack() throws {
        let state = try FlashLua.makeState()
        try state.execute("""
            s = series.new{1, 2, 3, start = 0}
            t = setmetatable({}, {__index = function() error('ran') end})
            trap = setmetatable({}, {__index = t, __call = function() error('ran') end})
            setmetatable(t, {__index = trap})
            """)
        let completer = Completer(state: state)
        var generator = SplitMix64(seed: 22)
        let top = lua_gettop(state.pointer)
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...14, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            let cut = Int.random(in: 0...line.count, using: &generator)
            let before = String(line.prefix(cut)), word = String(line.dropFirst(cut))
            _ = completer.candidates(for: word, after: before)
            #expect(lua_gettop(state.pointer) == top, "\(before)|\(word)")
        }
    }

    /// A long chain pushes a few values a step: completion grows the stack as it goes, never past it.
    @Test func longChainsCompleteWithinTheStack() throws {
        let state = try FlashLua.makeState()
        try state.execute("s = series.new{1, 2, 3, start = 0} t = {} t.t = t")
        let completer = Completer(state: state)
        let top = lua_gettop(state.pointer)
        let chain = "s" + String(repeating: ":cumsum()", count: 3000) + ":"
        #expect(completer.candidates(for: ":cu", after: String(chain.dropLast())).contains(":cumsum"))
        let fields = "t" + String(repeating: ".t", count: 3000)
        #expect(completer.candidates(for: ".t", after: fields) == [".t"])
        #expect(lua_gettop(state.pointer) == top)
    }
}
