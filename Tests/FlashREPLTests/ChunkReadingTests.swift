import LuaBridge
import Testing

@testable import FlashREPL

@Suite struct ChunkReadingTests {
    @Test(arguments: [
        ("1 + 2", REPL.CompileStatus.complete("return 1 + 2")),
        ("=1 + 2", .complete("return 1 + 2")),
        ("x = 1", .complete("x = 1")),
        ("print('a')", .complete("return print('a')")),
        ("x = = 1", .complete("x = = 1")),
        ("for i = 1, 3 do", .incomplete),
        ("local t = {", .incomplete),
        ("function f()\n  return 1", .incomplete),
        ("function f()\n  return 1\nend", .complete("function f()\n  return 1\nend")),
    ])
    func chunksCompileAsExpressionFirstAndAskForMoreWhenIncomplete(source: String, status: REPL.CompileStatus) throws {
        let repl = try REPL(state: try LuaState(), historyPath: nil, banner: "")
        #expect(repl.compileStatus(source) == status)
    }
}
