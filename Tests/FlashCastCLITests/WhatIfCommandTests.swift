import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// `flashcast whatif`: scenarios on the default forecast, gains checked against the written rates.
@Suite struct WhatIfCommandTests {
    @TemporaryFolder("flashcast-whatif") var folder

    /// A per-minute file of 600 minutes from 2024-05-20T00:00 with a gentle daily wave.
    func writeMinutes() throws {
        var text = "minute,revenue\n"
        for i in 0..<600 {
            let label = String(format: "2024-05-20T%02d:%02d", i / 60, i % 60)
            text += "\(label),\(String(format: "%.2f", 100 + 20 * sin(Double(i) / 90)))\n"
        }
        try text.write(to: folder.appendingPathComponent("minutes.csv"), atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try runFlashcast(["whatif", "minutes.csv", "--cutoff", "2024-05-20T07:59", "--train", "300", "--horizon", "120"]
            + arguments, in: folder)
    }

    /// The CSV's rows: scenario name -> (rates, cumulative means).
    func readCSV() throws -> [String: (rates: [Double], means: [Double])] {
        let text = try String(contentsOf: folder.appendingPathComponent("s.csv"), encoding: .utf8)
        var rows: [String: (rates: [Double], means: [Double])] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            rows[fields[0], default: ([], [])].rates.append(Double(fields[2]) ?? .nan)
            rows[fields[0], default: ([], [])].means.append(Double(fields[3]) ?? .nan)
        }
        return rows
    }

    @Test func emailGainMatchesTheBaselineRatesTimesTheCampaign() throws {
        try writeMinutes()
        let result = try run(["--email", "08:30", "--lift", "1", "--half-life", "20", "--rise", "0", "--target", "1e9",
                              "-o", "s.csv", "--svg", "s.svg"])
        #expect(result.status == 0, "\(result.error)")
        let rows = try readCSV()
        let baseline = try #require(rows["baseline"]), email = try #require(rows["e-mail 08:30"])
        #expect(baseline.rates.count == 120 && email.rates.count == 120)
        // Minute 08:00 is row 0; the e-mail at 08:30 doubles the rate, the extra halving every 20 minutes.
        let extra = (30..<120).reduce(0.0) { $0 + baseline.rates[$1] * pow(2, -Double($1 - 30) / 20) }
        let gain = (email.means.last ?? 0) - (baseline.means.last ?? 0)
        #expect(abs(gain - extra) < 0.5, "gain \(gain), expected \(extra)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines[0] == "minutes.csv: 600 minutes")
        #expect(lines[2] == "e-mail effect: given; peak +100% after 0 min, half-life 20 min")
        #expect(lines[3].hasPrefix("scenario      total at end  gain at end  target  ") && lines[3].hasSuffix("  80% band at end"))
        let emailLine = try #require(lines.first { $0.hasPrefix("e-mail 08:30") })
        #expect(emailLine.contains(String(format: "+%.2f", gain)) || emailLine.contains(String(format: "+%.2f", gain + 0.01))
                || emailLine.contains(String(format: "+%.2f", gain - 0.01)))
        #expect(lines.contains { $0.hasPrefix("target 1000000000.00 by the end: out of reach; the best send, 2024-05-20T08:00") })
        let svg = try String(contentsOf: folder.appendingPathComponent("s.svg"), encoding: .utf8)
        #expect(svg.contains("e-mail 08:30") && svg.contains("<svg"))
    }

    @Test func discountsAndEmailsCombineInOneMoreScenario() throws {
        try writeMinutes()
        let result = try run(["--email", "2024-05-20T08:10", "--discount", "09:00:0.2", "-o", "s.csv"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("e-mail effect: a typical e-mail (no --lift and nothing to learn from); peak +100% after 5 min, half-life 30 min"))
        let rows = try readCSV()
        #expect(Set(rows.keys) == ["baseline", "e-mail 2024-05-20T08:10", "discount 09:00 +20%", "all together"])
        let base = try #require(rows["baseline"]), discount = try #require(rows["discount 09:00 +20%"])
        #expect((0..<120).allSatisfy { abs(discount.rates[$0] - base.rates[$0] * ($0 >= 60 ? 1.2 : 1)) < 0.011 })
    }

    @Test(arguments: [
        (["-o", "s.csv"], "Error: give at least one --email or --discount"),
        (["--discount", "09:00", "-o", "s.csv"], "Error: The value '09:00' is invalid for '--discount <WHEN:LIFT>'"),
        (["--email", "25:00", "-o", "s.csv"], "Error: The value '25:00' is invalid for '--email <WHEN>'"),
        (["--email", "09:00", "--lift", "1e308", "-o", "s.csv"], "Error: --lift must be 0 to 100 (0.5 is +50%)"),
        (["--email", "09:00", "--half-life", "1e6", "-o", "s.csv"], "Error: --half-life must be at most 10080 minutes (a week)"),
        (["--discount", "09:00:1e9", "-o", "s.csv"], "Error: The value '09:00:1e9' is invalid for '--discount <WHEN:LIFT>'"),
        (["--email", "09:00", "--history-email", "09:00", "-o", "s.csv"], "Error: --history-email needs --history (the earlier sale)"),
        (["--email", "09:00", "--learn-email", "07:50", "-o", "s.csv"],
         "Error: cannot learn the e-mail's effect from the e-mail at 07:50 in this sale: need 20 rows from the send on, got 10"),
    ])
    func usageErrorsExitWithTwo(arguments: [String], message: String) throws {
        try writeMinutes()
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix(message), "\(result.error)")
    }

    @Test func endAndLevelsAsTheForecastCommandTakesThem() throws {
        try writeMinutes()
        let base = ["whatif", "minutes.csv", "--cutoff", "2024-05-20T07:59", "--train", "300", "--email", "08:30", "-o", "s.csv"]
        let toEnd = try runFlashcast(base + ["--end", "09:59", "--level", "0.5,0.8,0.95"], in: folder)
        #expect(toEnd.status == 0 && toEnd.error.isEmpty, "\(toEnd.error)")
        let text = try String(contentsOf: folder.appendingPathComponent("s.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == ["scenario", "minute", "rate", "mean", "lower50", "upper50", "lower80", "upper80", "lower95", "upper95"])
        let email = lines.filter { $0[0] == "e-mail 08:30" }
        #expect(email.count == 120 && email.last?[1] == "2024-05-20T09:59")
        for row in email {  // nested bands around the scenario's mean
            let v = row[3...].compactMap(Double.init)
            #expect(v[5] <= v[3] && v[3] <= v[1] && v[1] <= v[0] && v[0] <= v[2] && v[2] <= v[4] && v[4] <= v[6], "\(row)")
        }
        let past = try runFlashcast(base + ["--end", "2024-05-20T09:00", "--horizon", "200"], in: folder)
        #expect(past.status == 0)
        #expect(past.error == "flashcast: warning: the forecast runs 139 minutes past the sale's end (2024-05-20T09:00); "
            + "without --horizon, --end forecasts to the end\n")
        let before = try runFlashcast(base + ["--end", "2024-05-20T07:00"], in: folder)
        #expect(before.status == 2)
        #expect(before.error.hasPrefix("Error: --end 2024-05-20T07:00 is not after the cutoff (2024-05-20T07:59)\n"), "\(before.error)")
        let badLevel = try runFlashcast(base + ["--level", "0.5,80"], in: folder)
        #expect(badLevel.status == 2 && badLevel.error.hasPrefix("Error: --level must be between 0 and 1 (0.8 for 80%)"))
    }

    @Test func helpDescribesTheCommand() throws {
        let result = try runFlashcast(["help", "whatif"])
        #expect(result.status == 0)
        #expect(result.output.contains("--email <WHEN>") && result.output.contains("--half-life <MIN>"))
    }
}
