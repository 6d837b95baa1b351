import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// Ctrl-C in the REPL stops whatever runs and keeps the session; where hooks cannot reach (a
/// finalizer), it says so and the next Ctrl-C quits; Ctrl-D quits even with a looping finalizer.
@Suite(.timeLimit(.minutes(2))) struct ReplInterruptTests {
    @TemporaryFolder("flashcast-repl-interrupt") var home

    func startRepl() throws -> TerminalSession { try TerminalSession.repl(home: home) }

    @Test(arguments: [
        "while true do pcall(function() while true do end end) end",
        "coroutine.wrap(function() while true do pcall(error) end end)()",
        "xpcall(function() while true do end end, function() while true do end end)",
        "while true do xpcall(error, function() while true do end end) end",
        "local sale = orders.simulate{minutes = 4320, seed = 1} forecast.backtest(sale.revenue, {model = 'paper', train = 1000, horizon = 200, step = 50, epochs = 500})",
        "orders.simulate{minutes = 43200, orders = 5e7}",
    ])
    func ctrlCReturnsToThePromptAndKeepsTheSession(_ command: String) throws {
        let repl = try startRepl()
        try repl.type("kept = 'still here'\n")
        try repl.waitFor("\n> ")
        try repl.type("print('spinning') " + command + "\n")
        try repl.waitFor("\nspinning\n")
        repl.send("\u{3}")
        try repl.waitFor("interrupted!")
        try repl.waitFor("\n> ")
        try repl.type("kept\n")
        try repl.waitFor("\n\"still here\"\n> ")
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }

    @Test func aLoopingFinalizerIsReportedAndTheNextCtrlCQuits() throws {
        let repl = try startRepl()
        // The finalizer says when it runs, so the Ctrl-C cannot arrive before it loops.
        try repl.type("setmetatable({}, {__gc = function() print('collecting') while true do end end}) collectgarbage()\n")
        try repl.waitFor("\ncollecting\n")
        repl.send("\u{3}")
        try repl.waitFor("flashcast: still running: Lua cannot interrupt a __gc finalizer or one long C call")
        try repl.waitFor("or press Ctrl-C again to quit (the session's variables are lost)")
        repl.send("\u{3}")
        try repl.waitFor("flashcast: quitting: the command did not stop")
        #expect(try repl.waitForExit() == 130)
    }

    /// One long C call (a pathological pattern, a few seconds): the hint shows, and the interrupt
    /// lands when the call returns, keeping the session.
    @Test func aLongCCallIsReportedAndStopsWhenItReturns() throws {
        let repl = try startRepl()
        try repl.type("kept = 'still here'\n")
        try repl.waitFor("\n> ")
        try repl.type("print('searching') string.find(string.rep('a', 30), string.rep('a*', 8) .. 'b') print('not reached')\n")
        try repl.waitFor("\nsearching\n")
        repl.send("\u{3}")
        try repl.waitFor("flashcast: still running")
        try repl.waitFor("interrupted!", timeout: .seconds(90))  // a few seconds, longer under load
        try repl.waitFor("\n> ")
        try repl.type("kept\n")
        try repl.waitFor("\n\"still here\"\n> ")
        #expect(!repl.screen.contains("\nnot reached\n"))
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }

    @Test func ctrlDQuitsEvenWithALoopingFinalizer() throws {
        let repl = try startRepl()
        try repl.type("x = setmetatable({}, {__gc = function() while true do end end})\n")
        try repl.waitFor("\n> ")
        try repl.type("\u{4}")
        try repl.waitFor("a finalizer did not finish: quitting")
        #expect(try repl.waitForExit() == 0)
    }

    @Test func osExitEndsTheReplWithItsStatus() throws {
        let repl = try startRepl()
        try repl.type("coroutine.wrap(function() os.exit(3) end)()\n")
        #expect(try repl.waitForExit() == 3)
    }
}
