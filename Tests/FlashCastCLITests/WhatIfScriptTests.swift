import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// scripts/whatif_email.lua on the bundled sales: normally, sandboxed, and its --help.
@Suite struct WhatIfScriptTests {
    @TemporaryFolder("flashcast-whatif-script") var folder
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func run(_ arguments: [String]) throws -> CommandResult {
        try runFlashcast(arguments, in: repository)
    }

    @Test func tellsTheWholeStoryAndWritesTheChartAndTable() throws {
        let out = folder.appendingPathComponent("whatif").path
        let result = try run(["run", "scripts/whatif_email.lua", "--out", out])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("learned from the e-mail at 2021-11-12T09:00: Effect(lift +1"))
        #expect(lines[1].hasPrefix("scenario ") && lines[1].contains(" target ") && lines[1].hasSuffix(" 80% band at end"))
        #expect(lines[2].hasPrefix("baseline ") && lines[3].hasPrefix("e-mail 12:00 +1") && lines[4].hasPrefix("e-mail 18:00 +1"))
        #expect(lines[5].hasPrefix("discount 14:00 +15% ") && lines[6].hasPrefix("e-mail 12:00 and discount "))
        #expect(lines.contains { $0.hasPrefix("to reach ") && $0.contains(" by the end, send the e-mail by 2021-11-13T") })
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["gains.svg", "scenarios.csv", "scenarios.svg"])
        let csv = try String(contentsOf: URL(fileURLWithPath: out + "/scenarios.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "scenario,minute,rate,mean,lower,upper")
        #expect(csv.count == 1 + 5 * 839)  // 10:01 to 23:59 for the baseline and four scenarios
        let svg = try String(contentsOf: URL(fileURLWithPath: out + "/scenarios.svg"), encoding: .utf8)
        #expect(svg.contains("What if we send the e-mail?") && svg.contains("discount 14:00 +15%"))
    }

    @Test func runsSandboxedAndExplainsItsOptions() throws {
        let out = folder.appendingPathComponent("cron").path
        let result = try run(["run", "--sandbox", "--timeout", "60", "--input", "examples/data", "--output", out,
                              "scripts/whatif_email.lua", "--out", out, "--email", "2021-11-13T15:00", "--target", "2100000"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\ne-mail 2021-11-13T15:00 +1"))
        #expect(result.output.contains("no send time reaches 2100000.00; the best, 2021-11-13T"))
        let help = try run(["run", "scripts/whatif_email.lua", "--help"])
        #expect(help.status == 0 && help.output.hasPrefix("Usage: flashcast run scripts/whatif_email.lua"))
        #expect(try run(["run", "scripts/whatif_email.lua", "--no-such-option", "1"]).status == 2)
    }
}
