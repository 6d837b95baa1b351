import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// Drives the real `flashcast repl` through a pseudo-terminal and checks what the screen shows.
@Suite(.timeLimit(.minutes(2))) struct ReplTerminalTests {
    @TemporaryFolder("flashcast-repl") var home

    func startRepl() throws -> TerminalSession { try TerminalSession.repl(home: home) }

    @Test func completesPrintsTablesContinuesLinesSurvivesCtrlCTimesAndQuitsOnCtrlD() throws {
        let repl = try startRepl()

        try repl.type("string.fo\t")
        try repl.waitFor("string.format")
        try repl.type("(\"%05.1f\", 3.14159)\n")
        try repl.waitFor("\n\"003.1\"\n> ")

        try repl.type("function twice(x)\n")
        try repl.waitFor("\n>> ")
        try repl.type("return 2 * x\n")
        try repl.waitFor("\n>> ")
        try repl.type("end\n")
        try repl.waitFor("\n> ")
        try repl.type("twice(50)\n")
        try repl.waitFor("\n100\n> ")

        try repl.type("{1, 2, {a = 1, b = 'x'}, n = twice(1.5)}\n")
        try repl.waitFor("\n{ 1, 2, { a = 1, b = \"x\" }, n = 3.0 }\n> ")

        try repl.type("print('spinning') while true do end\n")
        try repl.waitFor("\nspinning\n")
        repl.send("\u{3}")
        try repl.waitFor("interrupted")
        try repl.waitFor("\n> ")
        try repl.type("6 * 7\n")
        try repl.waitFor("\n42\n> ")

        // At least 0.6 s of processor time, so at least as long on the clock: the time shows.
        try repl.type("local t = os.clock() repeat until os.clock() - t > 0.6\n")
        try repl.waitFor(" s)\n> ")

        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
        let history = try String(contentsOf: home.appendingPathComponent(".flashcast_history"), encoding: .utf8)
        #expect(history.contains("\n6\\040*\\0407\n"))  // libedit's file encodes spaces as \040
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        let repl = try startRepl()
        // Typed the instant the first prompt shows, often before the line editor reads: the line is
        // cancelled all the same, and the REPL does not wait for another key.
        repl.send("xyz\u{3}")
        try repl.waitFor("\n> ")
        try repl.type("2 + 3\n")
        try repl.waitFor("\n5\n> ")
        try repl.type("abc")
        try repl.waitFor("abc")
        try repl.type("\u{3}")
        try repl.waitFor("\n> ")
        try repl.type("2 + 4\n")
        try repl.waitFor("\n6\n> ")
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
        #expect(!repl.screen.contains("xyz2") && !repl.screen.contains("abc2"))
    }

    @Test func methodsOfAValueComplete() throws {
        let repl = try startRepl()
        try repl.type("s = 'sale'\n")
        try repl.waitFor("\n> ")
        try repl.type("s:up\t")
        try repl.waitFor("s:upper")
        try repl.type("()\n")
        try repl.waitFor("\n\"SALE\"\n> ")
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }
}
