import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// `flashcast repl --orders FILE` during a sale, through a pseudo-terminal: orders appended to the
/// export between refreshes show in the next status block.
@Suite(.timeLimit(.minutes(2))) struct LiveReplTests {
    @TemporaryFolder("flashcast-live-repl") var folder
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bundled current sale: its header and its order rows.
    func currentSale() throws -> (header: String, rows: [String]) {
        let text = try String(contentsOf: repository.appendingPathComponent("examples/data/current_sale.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        return (lines[0], Array(lines.dropFirst()))
    }

    /// Revenue of order rows in whole money units with thousands separators, summed here in cents.
    static func grouped(_ rows: ArraySlice<String>) -> String {
        let cents = rows.reduce(0) { total, row in
            let amount = row.split(separator: ",")[3].split(separator: ".")
            return total + Int(amount[0])! * 100 + Int(amount[1])!
        }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.maximumFractionDigits = 0
        return formatter.string(from: NSNumber(value: (Double(cents) / 100).rounded()))!
    }

    func append(_ rows: ArraySlice<String>, to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(rows.map { $0 + "\n" }.joined().utf8))
    }

    @Test func refreshShowsTheOrdersAppendedSinceTheLastOneAndWatchStopsOnCtrlC() throws {
        let (header, rows) = try currentSale()
        let live = folder.appendingPathComponent("live.csv")
        try (header + "\n" + rows[..<10_000].map { $0 + "\n" }.joined()).write(to: live, atomically: true, encoding: .utf8)
        let previous = repository.appendingPathComponent("examples/data/previous_sale.csv").path
        let repl = try TerminalSession(
            flashcastExecutable().path,
            ["repl", "--orders", live.path, "--history", previous, "--target", "2000000", "--tz", "+08:00"],
            environment: ["HOME=\(folder.path)", "TERM=dumb", "LANG=C.UTF-8"])

        try repl.waitFor("help() lists the libraries")
        try repl.waitFor("now 2021-11-11 17:19 (+08:00): minute 1040 of 4320 (24.1%)")  // order 10,000's minute
        try repl.waitFor("revenue so far   \(Self.grouped(rows[..<10_000]))   +\(Self.grouped(rows[..<10_000])) from 10000 new orders")
        try repl.waitFor("forecast at end")
        try repl.waitFor("target           2,000,000   pace ")
        try repl.waitFor("alert            ")
        try repl.waitFor("\n> ")

        try append(rows[10_000..<10_500], to: live)
        try repl.type("refresh()\n")
        try repl.waitFor("now 2021-11-11 18:23 (+08:00): minute 1104 of 4320 (25.6%)")
        try repl.waitFor("revenue so far   \(Self.grouped(rows[..<10_500]))   +\(Self.grouped(rows[10_000..<10_500])) from 500 new orders")
        try repl.waitFor(" s)\n> ")  // every command shows its time

        try repl.type("watch(0.2)\n")
        try repl.waitFor("a status every 0.2 s, Ctrl-C stops")
        try repl.waitFor("+0 from 0 new orders")
        try append(rows[10_500..<10_600], to: live)
        try repl.waitFor("revenue so far   \(Self.grouped(rows[..<10_600]))   +\(Self.grouped(rows[10_500..<10_600])) from 100 new orders")
        repl.send("\u{3}")
        try repl.waitFor("stopped watching")
        try repl.waitFor("\n> ")

        try repl.type("math.abs(sale.revenue:sum() - refresh().revenue) < 0.01, #history\n")
        try repl.waitFor("true\t4320")
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }

    @Test(arguments: [
        (["--minutes", "0"], "Error: --minutes must be at least 1\nUsage: flashcast repl <options>"),
        (["--end", "2021-11-13T23:59", "--minutes", "5"], "Error: --minutes cannot go with --end\nUsage: flashcast repl <options>"),
        (["--target", "0"], "Error: --target must be a positive amount\nUsage: flashcast repl <options>"),
        (["--end", "tomorrow"], "Error: The value 'tomorrow' is invalid for '--end <WHEN>'\n"),  // read as forecast's --end
    ])
    func optionsOutOfRangeAreUsageErrorsBeforeTheSessionStarts(options: [String], message: String) throws {
        let export = repository.appendingPathComponent("examples/data/current_sale.csv").path
        let result = try runFlashcast(["repl", "--orders", export] + options)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix(message), "\(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test func endTakesAClockTimeAsTheOtherCommandsDo() throws {
        let export = repository.appendingPathComponent("examples/data/current_sale.csv").path
        let result = try runFlashcast(["repl", "--orders", export, "--tz", "+08:00", "--now", "2021-11-12T12:00", "--end", "23:59"],
                                      input: "print(sale.status.minutes)\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("now 2021-11-12 12:00 (+08:00): minute 2161 of 2880 (75.0%)"))  // to 23:59 that day
    }

    /// The bundled markets pay in four currencies: the live REPL converts them as `aggregate --currency` does.
    @Test func marketsInTheirOwnCurrenciesAreConvertedAndTheMostBehindComeFirst() throws {
        let export = repository.appendingPathComponent("examples/data/markets_sale.csv").path
        let options = ["--tz", "+08:00", "--by", "country", "--now", "2021-11-12T22:00", "--end", "2021-11-13T23:59"]
        let result = try runFlashcast(["repl", "--orders", export, "--currency", "USD", "--rates", "EUR=1.08,JPY=0.0067,BRL=0.2"] + options,
                                      input: "print(sale.status.behind[1])\n")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\ngroups           behind their forecast from 2021-11-12T21:00 to 2021-11-12T22:00: US "))
        #expect(result.output.contains("\nrevenue so far   863,384 "))
        #expect(result.output.hasSuffix("US\n"))
        let without = try runFlashcast(["repl", "--orders", export] + options)
        #expect(without.status == 1)
        #expect(without.error.contains("markets_sale.csv:2:5: unknown currency 'EUR'"))
    }

    @Test func aDatabaseThatCannotBeOpenedEndsWithStatus1() throws {
        let result = try runFlashcast(["repl", "--db", "sqlite:\(folder.path)/missing/shop.db", "--table", "orders"])
        #expect(result.status == 1)
        #expect(result.error == "flashcast: cannot open 'sqlite:\(folder.path)/missing/shop.db': unable to open database file\n")
    }
}
