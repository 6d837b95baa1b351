import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// What a user sees in `flashcast repl --orders`: Tab completes the live sale's fields and what they
/// hold, and `help()` lists what the session added.
@Suite(.timeLimit(.minutes(2))) struct LiveReplCompletionTests {
    @TemporaryFolder("flashcast-live-completion") var home
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func tabCompletesTheSalesFieldsAndHelpListsTheSession() throws {
        let orders = repository.appendingPathComponent("examples/data/current_sale.csv").path
        let repl = try TerminalSession(
            flashcastExecutable().path, ["repl", "--orders", orders, "--now", "2021-11-12T12:00", "--tz", "+08:00"],
            environment: ["HOME=\(home.path)", "TERM=dumb", "LANG=C.UTF-8"])
        try repl.waitFor("are ready")
        try repl.waitFor("\n> ")

        try repl.type("sale.reve\t")
        try repl.waitFor("sale.revenue")
        try repl.type(":cums\t")
        try repl.waitFor(":cumsum")
        try repl.type("():argma\t")
        try repl.waitFor("():argmax")
        try repl.type("()\n")
        try repl.waitFor("1030608.37\t\"2021-11-12T12:00\"\t2161")

        try repl.type("help()\n")
        try repl.waitFor("This live session added:")
        try repl.waitFor("  sale        the sale followed (LiveSale)")
        try repl.waitFor("  refresh()   ")
        try repl.type("sale.\t\t")
        try repl.waitFor("sale.cumulative")
        try repl.waitFor("\n> sale.")  // the line shown again below the list
        #expect(["sale.forecast", "sale.revenue", "sale.status", "sale.refresh"].allSatisfy(repl.screen.contains))
        repl.send("\u{3}")  // Ctrl-C clears the line
        try repl.waitFor("\n> ")  // a key sent before the new prompt can be lost (the terminal flushes on Ctrl-C)
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }
}
