import LuaBridge
import Testing

@testable import FlashREPL

@Suite struct ChunkReadingTests {
    @Test(arguments: [
        ("for i = 1, 3 do", false),
        ("local t = {", false),
        ("x = 1", true),
        ("x = = 1", true),
        ("print('a')", true),
    ])
    func incompleteChunksAskForMore(source: String, complete: Bool) throws {
        let repl = REPL(state: try LuaState(), historyPath: nil, banner: "")
        let status = repl.compileStatus(source)
        #expect((status == .complete) == complete)
    }
}
