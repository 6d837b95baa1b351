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
        #expect(try text("rate.svg").contains(">now Fri 12 Nov 12:00<"))
        // The target and the plan, on the forecast and the pace charts; the forecast's shortfall in its subtitle.
        for chart in [forecast, try text("pace.svg")] {
            #expect(chart.contains(">target</text>") && chart.contains(">plan (target shaped like the earlier sale)</text>"))
        }
        #expect(forecast.contains("flashcast, 80% band; BELOW TARGET: forecast 1,951,016 is 48,984 short"))
        #expect(forecast.contains("actual cumulative revenue for 2161 minutes, forecast of 2159 minutes from the cutoff"))
        // The warning chart's end now is the status's (1,951,016), not the one the hour-old forecast implies.
        #expect(try text("warning.svg").contains(">expected end now $1.95M</text>"))
    }

    /// The bundled sale with no orders from 11:15 to 12:00: the status's alert, the warning chart's
    /// mark and its gap name the same minute and money; the chart shows the last 60 minutes only.
    @Test func theWarningChartMarksTheAlertTheStatusRaisesOverTheLastHour() throws {
        let bundled = try String(contentsOf: repository.appendingPathComponent("examples/data/current_sale.csv"), encoding: .utf8)
        let cut = bundled.split(separator: "\n").filter { row in
            let time = row.split(separator: ",").dropFirst().first ?? ""
            return !(time >= "2021-11-12T11:15" && time < "2021-11-12T12:01")
        }
        let orders = folder.appendingPathComponent("cut.csv")
        try (cut.joined(separator: "\n") + "\n").write(to: orders, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try runFlashcast(["run", "scripts/report.lua", "--orders", orders.path, "--now", "2021-11-12T12:00",
                                       "--target", "2000000", "--out", out.path], in: repository)
        #expect(result.status == 3, "\(result.error)")
        #expect(result.output.contains("\nalert            BELOW BAND since 11:37: 14,675 under the forecast; BELOW TARGET: "))
        let warning = try String(contentsOf: out.appendingPathComponent("warning.svg"), encoding: .utf8)
        #expect(warning.contains(">alert 11:37</text>"))
        #expect(warning.components(separatedBy: ">alert 11:37<").count == 2)  // marked once
        #expect(warning.contains(">$14.7k below the forecast</text>"))
        #expect(warning.contains("early warning: 38 of 60 minutes below the band, alert at minute 37"))
        #expect(warning.contains(">target $2M</text>"))
        // The time axis runs from the forecast made an hour ago to now.
        #expect(warning.contains(">11:00</text>") && warning.contains(">12:00</text>") && !warning.contains(">10:50</text>"))
    }
}
