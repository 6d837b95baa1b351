import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// "Now" in the scheduled report is one minute: the last minute read (`--now 12:00` counts the
/// orders up to 12:00:59), the same in the status, the tables and every chart.
@Suite struct ReportNowTests {
    @TemporaryFolder("flashcast-report-now") var folder
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func nowIsTheSameMinuteInTheStatusTheTablesAndEveryChart() throws {
        let result = try runFlashcast(["run", "scripts/report.lua", "--now", "2021-11-12T12:00", "--target", "2000000",
                                       "--out", folder.path], in: repository)
        #expect(result.status == 3, "\(result.error)")
        let status = result.output.split(separator: "\n")
        #expect(status[0] == "now 2021-11-12 12:00 (+08:00): minute 2161 of 4320 (50.0%)")
        #expect(status[2].hasSuffix(", flashcast @12:00 new"))  // the end forecast is made as of now
        #expect(try text("report.md").contains(status[2]))
        let fields = try text("status.csv")
        #expect(fields.contains("\nnow,\"2021-11-12T12:00\"\nminute,2161\n"))
        let rows = try text("forecast.csv").split(separator: "\n")
        #expect(rows[1].hasPrefix("2021-11-12T12:01,"))  // the first minute after now
        #expect(rows.count == 1 + 4320 - 2161)
        // The status's end figure is the table's last row.
        let end = try #require(fields.split(separator: "\n").first { $0.hasPrefix("forecast,") }?.dropFirst(9))
        let last = try #require(rows.last?.split(separator: ",")[1])
        #expect(abs(try #require(Double(end)) - (try #require(Double(last)))) < 0.01)
        let forecast = try text("forecast.svg")
        #expect(forecast.contains(">now Fri 12 Nov 12:00<"))
        #expect(forecast.contains("actual cumulative revenue for 2161 minutes, forecast of 2159 minutes from the cutoff"))
    }
}
