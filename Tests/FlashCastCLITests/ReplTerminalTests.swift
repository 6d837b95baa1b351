import Foundation
import Testing
import TestSupport

/// Drives the real `flashcast repl` through a pseudo-terminal and checks what the screen shows.
@Suite(.timeLimit(.minutes(2))) struct ReplTerminalTests {
    let home = temporaryFolder("flashcast-repl")

    func startRepl() throws -> TerminalSession {
        let session = try TerminalSession(
            flashcastExecutable().path, ["repl"], environment: ["HOME=\(home.path)", "TERM=dumb", "LANG=C.UTF-8"])
        try session.waitFor("help()")
        try session.waitFor("\n> ")
        return session
    }

    @Test func completesPrintsTablesContinuesLinesSurvivesCtrlCAndQuitsOnCtrlD() throws {
        let repl = try startRepl()

        repl.type("string.fo\t")
        try repl.waitFor("string.format")
        repl.type("(\"%05.1f\", 3.14159)\n")
        try repl.waitFor("\n\"003.1\"\n> ")

        repl.type("function twice(x)\n")
        try repl.waitFor("\n>> ")
        repl.type("return 2 * x\n")
        try repl.waitFor("\n>> ")
        repl.type("end\n")
        try repl.waitFor("\n> ")
        repl.type("twice(50)\n")
        try repl.waitFor("\n100\n> ")

        repl.type("{1, 2, {a = 1, b = 'x'}, n = twice(1.5)}\n")
        try repl.waitFor("\n{ 1, 2, { a = 1, b = \"x\" }, n = 3.0 }\n> ")

        // Ctrl-C discards what is typed but not yet read: press it once the loop is seen running.
        repl.type("print('spinning') while true do end\n")
        try repl.waitFor("\nspinning\n")
        repl.type("\u{3}")
        try repl.waitFor("interrupted")
        try repl.waitFor("\n> ")
        repl.type("6 * 7\n")
        try repl.waitFor("\n42\n> ")

        repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
        let history = try String(contentsOf: home.appendingPathComponent(".flashcast_history"), encoding: .utf8)
        #expect(history.hasSuffix("\n6\\040*\\0407\n"))  // libedit's file encodes spaces as \040
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        let repl = try startRepl()
        repl.type("abc")
        try repl.waitFor("abc")
        repl.type("\u{3}")
        try repl.waitFor("\n> ")
        repl.type("2 + 3\n")
        try repl.waitFor("\n5\n> ")
        repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
        #expect(!repl.screen.contains("abc2"))
    }

    @Test func methodsOfAValueComplete() throws {
        let repl = try startRepl()
        repl.type("s = 'sale'\n")
        try repl.waitFor("\n> ")
        repl.type("s:up\t")
        try repl.waitFor("s:upper")
        repl.type("()\n")
        try repl.waitFor("\n\"SALE\"\n> ")
        repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }
}
