import Forecasting
import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// Writes the sales every test reads: orders.csv, its minutes.csv, and an earlier sale's previous.csv.
private func writeForecastInputs(to folder: URL) {
    for arguments in [
        ["simulate", "--minutes", "2880", "--orders", "20000", "--seed", "3", "--tz", "+08:00", "--format", "offset",
         "-o", "orders.csv"],
        ["aggregate", "orders.csv", "--tz", "+08:00", "-o", "minutes.csv"],
        ["aggregate", "orders.csv", "--tz", "+08:00", "--step", "5", "-o", "minutes5.csv"],
        ["aggregate", "orders.csv", "--tz", "+08:00", "--step", "15", "-o", "minutes15.csv"],
        ["simulate", "--minutes", "2880", "--orders", "16000", "--seed", "4", "--tz", "+08:00", "-o", "previous.csv"],
    ] {
        _ = try? runFlashcast(arguments, in: folder)
    }
}

/// `flashcast forecast` and `flashcast backtest` on both kinds of input, with every output.
@Suite(.serialized, .sharedTemporaryFolder("flashcast-forecast", prepare: writeForecastInputs))
struct ForecastCommandTests {
    var folder: URL {
        get throws { try #require(SharedTemporaryFolder.current) }
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try runFlashcast(arguments, in: folder)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// A JSON key per metric.
    static let metricKeys = Set(Metric.allCases.map(\.key))

    func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }

    @Test func modelValuesInHelpAreTheRegisteredModels() throws {
        let models = try run(["-e", "io.write(table.concat(forecast.models(), ', '))"])
        #expect(models.status == 0 && models.output.hasPrefix("flashcast, paper, "), "\(models.error)")
        for command in ["forecast", "backtest"] {
            let help = try run([command, "--help"])
            let flattened = help.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flattened.contains("Forecasting method (profile needs --history). (values: \(models.output); default: flashcast)"),
                    "\(help.output)")
        }
    }

    @Test func ordersAndPerMinuteInputsAndBothCutoffFormsGiveTheSameForecast() throws {
        let common = ["--train", "1000", "--horizon", "300", "--history", "previous.csv", "--tz", "+08:00"]
        let fromOrders = try run(["forecast", "orders.csv", "--cutoff", "1500", "-o", "a.csv"] + common)
        #expect(fromOrders.status == 0, "\(fromOrders.error)")
        let fromMinutes = try run(["forecast", "minutes.csv", "--cutoff", "2021-05-21T01:00", "-o", "b.csv"] + common)
        #expect(fromMinutes.status == 0, "\(fromMinutes.error)")
        #expect(try read("a.csv") == read("b.csv"))
        #expect(fromOrders.output.hasPrefix("orders.csv: read 19696 rows: 19696 orders\n"
            + "forecast from 2021-05-21T01:00 (row 1500) to 2021-05-21T06:00, 300 minutes, model flashcast\n"))
        #expect(fromMinutes.output.hasPrefix("minutes.csv: 2880 minutes\n"))
        #expect(fromOrders.output.contains("\nmodel                MAPE   hre@60  hre@200  hre@500     MASE coverage    width\n"))
        let header = fromOrders.output.split(separator: "\n").first { $0.hasPrefix("model ") }
        #expect(header?.split(separator: " ").dropFirst().map(String.init) == Metric.allCases.map(\.heading))
        for name in ["flashcast", "drift", "seasonal_naive", "profile"] {
            #expect(fromOrders.output.contains("\n" + name + " "), "no row for \(name)")
        }
        #expect(fromOrders.output.hasSuffix("wrote a.csv: 300 rows\n"))
    }

    @Test func lengthsAreMinutesOnFiveMinuteRows() throws {
        let result = try run(["forecast", "minutes5.csv", "--tz", "+08:00", "--cutoff", "300", "--horizon", "500", "-o", "five.csv", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let report = try json(result)
        #expect(report["horizon"] as? Int == 500 && report["train"] as? Int == 1000)
        let rows = try read("five.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == 100)
        #expect(rows.first?[2] == "5" && rows.last?[2] == "500")  // minutes ahead
        // hre@60 compares the 12th row (60 minutes after the cutoff)
        let observed = try #require(report["observed"] as? Double)
        let (actual, forecast) = (Double(rows[11][3]) ?? 0, Double(rows[11][4]) ?? 0)
        let hre60 = try #require((report["metrics"] as? [String: Any])?["hre60"] as? Double)
        #expect(abs(hre60 - abs(forecast - actual) / (actual - observed)) < 1e-3)
        let text = try run(["forecast", "minutes5.csv", "--tz", "+08:00", "--cutoff", "300", "-o", "five.csv"])
        #expect(text.output.hasPrefix("minutes5.csv: 576 rows of 5 minutes\n"
            + "forecast from 2021-05-21T01:00 (row 300) to 2021-05-21T09:20, 500 minutes in 5-minute rows, model flashcast\n"))
        #expect(text.output.hasSuffix("wrote five.csv: 100 rows\n"))
        let whatif = try run(["whatif", "minutes5.csv", "--tz", "+08:00", "--cutoff", "300", "--email", "12:00", "-o", "s5.csv"])
        #expect(whatif.status == 0, "\(whatif.error)")
        #expect(whatif.output.contains("to 2021-05-21T23:55 (1375 minutes, model flashcast)"))  // the rest of the sale: 275 rows
        let backtest = try run(["backtest", "minutes5.csv", "--json", "-o", "pieces5.csv"])
        #expect(backtest.status == 0, "\(backtest.error)")
        let pieces = try #require(try json(backtest)["pieces"] as? [[String: Any]])
        #expect(pieces.prefix(2).compactMap { $0["cutoff_row"] as? Int } == [99, 139])
    }

    /// An `--end` inside a 15-minute row forecasts to the row holding it (not a usage error about a
    /// horizon nobody gave); the rate chart's steps are whole rows.
    @Test func endAndRateStepsOnFifteenMinuteRows() throws {
        let toEnd = try run(["forecast", "minutes15.csv", "--tz", "+08:00", "--cutoff", "2021-05-21T08:00", "--end", "2021-05-21T23:50",
                             "-o", "end15.csv", "--rate-svg", "rate15.svg"])
        #expect(toEnd.status == 0 && toEnd.error == "", "\(toEnd.error)")
        #expect(toEnd.output.contains("to 2021-05-21T23:45, 945 minutes in 15-minute rows, model flashcast\n"))
        #expect(toEnd.output.contains("\nthe sale ends 2021-05-21T23:50: the forecast runs to it\n"))
        #expect(try read("end15.csv").split(separator: "\n").last?.hasPrefix("2021-05-21T08:00,2021-05-21T23:45,945,") == true)
        let past = try run(["forecast", "minutes15.csv", "--tz", "+08:00", "--cutoff", "2021-05-21T08:00", "--end", "2021-05-21T23:50",
                            "--horizon", "960", "-o", "end15.csv"])
        #expect(past.error == "flashcast: warning: the forecast runs 24 minutes past the sale's end (2021-05-21T23:50); "
            + "without --horizon, --end forecasts to the end\n")
        let inTheCutoffRow = try run(["forecast", "minutes15.csv", "--tz", "+08:00", "--cutoff", "2021-05-21T08:00", "--end", "08:10", "-o", "x.csv"])
        #expect(inTheCutoffRow.status == 2)
        #expect(inTheCutoffRow.error.hasPrefix("Error: --end 08:10 is not after the cutoff (2021-05-21T08:00)\n"), "\(inTheCutoffRow.error)")
        let rate = try run(["forecast", "minutes5.csv", "--tz", "+08:00", "--cutoff", "300", "--rate-svg", "r.svg", "--rate-step", "7", "-o", "x.csv"])
        #expect(rate.status == 2)
        #expect(rate.error.hasPrefix("Error: --rate-step must be a multiple of the series' step (5 minutes), got 7\n"), "\(rate.error)")
        let hourly = try run(["aggregate", "orders.csv", "--tz", "+08:00", "--step", "60", "-o", "minutes60.csv"])
        #expect(hourly.status == 0)
        let defaultStep = try run(["forecast", "minutes60.csv", "--tz", "+08:00", "--cutoff", "30", "--rate-svg", "r60.svg", "-o", "r60.csv"])
        #expect(defaultStep.status == 0, "\(defaultStep.error)")  // 15 minutes rounded up to 60
        #expect(try read("r60.svg").contains("per 60 minutes"))
    }

    @Test func severalLevelsWriteEveryBand() throws {
        let result = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "1500", "--horizon", "300",
                              "--level", "0.8,0.5,0.95", "-o", "levels.csv", "--svg", "levels.svg"])
        #expect(result.status == 0, "\(result.error)")
        let lines = try read("levels.csv").split(separator: "\n")
        #expect(lines.first == "cutoff,minute,step,actual,forecast,lower50,upper50,lower80,upper80,lower95,upper95")
        let last = lines[300].split(separator: ",").compactMap { Double($0) }
        #expect(last.count == 9 && last[7] <= last[5] && last[5] <= last[3] && last[4] <= last[6] && last[6] <= last[8])  // step, actual, forecast, then 50, 80, 95
        #expect(result.output.contains("(50% interval "))
        #expect(result.output.contains("; 95% interval "))
        #expect(result.output.contains("coverage    width   cov@50   cov@80   cov@95\n"))
        #expect(try read("levels.svg").contains("95% interval"))
        let json = try self.json(try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "1500", "--horizon", "300",
                                          "--level", "0.5,0.95", "-o", "levels.csv", "--json"]))
        #expect(json["levels"] as? [Double] == [0.5, 0.95] && json["level"] as? Double == 0.5)
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(metrics["coverage"] as? Double == metrics["coverage50"] as? Double && metrics["coverage95"] != nil)
        let backtest = try run(["backtest", "minutes.csv", "--level", "0.5,0.95", "-o", "bt.csv"])
        #expect(backtest.status == 0, "\(backtest.error)")
        #expect(try read("bt.csv").hasPrefix("cutoff,minute,step,actual,forecast,lower50,upper50,lower95,upper95\n"))
    }

    @Test func endForecastsToTheSaleEndAndWarnsWhenTheHorizonRunsPastIt() throws {
        let toEnd = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "2021-05-21T08:00", "--end", "23:59", "-o", "end1.csv"])
        #expect(toEnd.status == 0 && toEnd.error == "", "\(toEnd.error)")
        #expect(toEnd.output.contains("to 2021-05-21T23:59, 959 minutes, model flashcast\n"))
        #expect(toEnd.output.contains("\nthe sale ends 2021-05-21T23:59: the forecast runs to it\n"))
        #expect(try read("end1.csv").split(separator: "\n").count == 1 + 959)
        let past = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "2021-05-21T08:00", "--end", "2021-05-21T12:00",
                            "--horizon", "500", "-o", "end2.csv", "--json"])
        #expect(past.status == 0)
        #expect(past.error == "flashcast: warning: the forecast runs 260 minutes past the sale's end (2021-05-21T12:00); "
            + "without --horizon, --end forecasts to the end\n")
        #expect(try json(past)["sale_end"] as? String == "2021-05-21T12:00")
        let before = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "2021-05-21T08:00", "--end", "2021-05-21T07:00", "-o", "x.csv"])
        #expect(before.status == 2)
        #expect(before.error.hasPrefix("Error: --end 2021-05-21T07:00 is not after the cutoff (2021-05-21T08:00)\n"))
        // a far end once said '--horizon must be at most 1051200, got 40570080', naming an option nobody gave
        let far = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "2021-05-21T08:00", "--end", "2099-01-01T00:00", "-o", "x.csv"])
        #expect(far.status == 2)
        #expect(far.error.hasPrefix("Error: --end 2099-01-01T00:00 is more than 1051200 minutes (two years) after the cutoff (2021-05-21T08:00)\n"))
    }

    @Test func plannedEventsAreForecastAsForecastRunTakesThem() throws {
        let cli = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "1500", "--horizon", "300", "--email", "04:00",
                           "--lift", "1.5", "--half-life", "40", "--discount", "2021-05-21T05:00:0.1", "-o", "planned.csv"])
        #expect(cli.status == 0, "\(cli.error)")
        #expect(cli.output.contains("\nplanned: e-mail 04:00, discount 2021-05-21T05:00 +10%\n"))
        #expect(cli.output.contains("\ne-mail effect: given; peak +150% after 5 min, half-life 40 min\n"))
        let lua = try run(["-e", """
            local sale = assert(orders.read("orders.csv", {tz = "+08:00"}))
            local events = {scenario.email{at = "04:00", lift = 1.5, half_life = 40}, scenario.discount{from = "2021-05-21T05:00", lift = 0.1}}
            assert(forecast.run(sale.revenue, {cutoff = 1501, horizon = 300, events = events}):save_csv("planned-lua.csv"))
            """])
        #expect(lua.status == 0, "\(lua.error)")
        #expect(try read("planned.csv") == read("planned-lua.csv"))
        let plain = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "1500", "--horizon", "300", "-o", "unplanned.csv"])
        #expect(plain.status == 0)
        #expect(try read("planned.csv") != read("unplanned.csv"))
    }

    @Test func theCSVHasOneRowPerStepWithTheActualsWhereKnown() throws {
        let result = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "2800", "--horizon", "120", "-o", "end.csv"])
        #expect(result.status == 0, "\(result.error)")
        let lines = try read("end.csv").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "cutoff,minute,step,actual,forecast,lower,upper")
        #expect(lines.count == 1 + 120 + 1 && lines.last == "")
        let rows = lines.dropFirst().dropLast().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.allSatisfy { $0.count == 7 && $0[0] == "2021-05-21T22:40" })
        #expect(rows.map { Int($0[2]) } == (1...120).map { $0 })
        #expect(rows[0][1] == "2021-05-21T22:41" && rows[119][1] == "2021-05-22T00:40")
        #expect(rows.prefix(79).allSatisfy { !$0[3].isEmpty } && rows.dropFirst(79).allSatisfy { $0[3].isEmpty })
        let minutes = try read("minutes.csv").split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows[0][3] == minutes[2802][4], "actual of the first forecast minute is the cumulative revenue then")
        for row in rows {
            let (forecast, lower, upper) = (Double(row[4]) ?? .nan, Double(row[5]) ?? .nan, Double(row[6]) ?? .nan)
            #expect(lower <= forecast && forecast <= upper)
        }
    }

    @Test func jsonHasTheMetricsOfTheModelAndBaselinesAndNullsWithoutActuals() throws {
        let result = try run(["forecast", "minutes.csv", "--cutoff", "1500", "--horizon", "200", "--json", "-o", "j.csv"])
        #expect(result.status == 0, "\(result.error)")
        let object = try json(result)
        #expect(object["command"] as? String == "forecast")
        #expect(object["cutoff_row"] as? Int == 1500)
        #expect(object["horizon"] as? Int == 200)
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(metrics["minutes"] as? Int == 200)
        #expect((metrics["hre200"] as? Double ?? -1) >= 0)
        #expect(metrics["hre500"] is NSNull)
        let baselines = try #require(object["baselines"] as? [String: Any])
        #expect(Set(baselines.keys) == ["drift", "seasonal_naive"])
        #expect(Set(metrics.keys) == Self.metricKeys.union(["minutes"]))
        #expect(try Set(#require(baselines["drift"] as? [String: Any]).keys) == Self.metricKeys)
        let blind = try json(try run(["forecast", "minutes.csv", "--cutoff", "2879", "--horizon", "60", "--json", "-o", "k.csv"]))
        let none = try #require(blind["metrics"] as? [String: Any])
        #expect(none["minutes"] as? Int == 0)
        #expect(none["mape"] is NSNull && Set(none.keys) == Self.metricKeys.union(["minutes"]))
        #expect(try read("k.csv").split(separator: "\n").dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[3].isEmpty })
    }

    @Test func svgChartsAreWritten() throws {
        let forecast = try run(["forecast", "minutes.csv", "--cutoff", "1500", "--horizon", "200", "-o", "s.csv", "--svg", "s.svg"])
        #expect(forecast.status == 0, "\(forecast.error)")
        let svg = try read("s.svg")
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        #expect(svg.contains("forecast chart") && svg.contains("80% interval"))
        let backtest = try run(["backtest", "minutes.csv", "--train", "1000", "--horizon", "300", "--step", "600",
                                "-o", "p.csv", "--svg", "p.svg"])
        #expect(backtest.status == 0, "\(backtest.error)")
        #expect(try read("p.svg").contains("rolling back-test: 3 forecast pieces"))
    }

    @Test func theRateChartIsWrittenWithTheOtherOutputs() throws {
        let forecast = try run(["forecast", "minutes.csv", "--cutoff", "1500", "--horizon", "200", "-o", "r.csv",
                                "--rate-svg", "r.svg", "--rate-step", "30"])
        #expect(forecast.status == 0, "\(forecast.error)")
        #expect(forecast.output.contains("wrote r.csv: 200 rows, r.svg"))
        let svg = try read("r.svg")
        #expect(svg.contains(">Revenue per 30 minutes from ") && svg.contains("revenue per 30 minutes: ") && svg.contains(">now "))
        let clash = try run(["forecast", "minutes.csv", "--cutoff", "1500", "-o", "c.csv", "--rate-svg", "c.csv"])
        #expect(clash.status == 2 && clash.error.contains("--rate-svg 'c.csv' is the same file as -o 'c.csv'"))
        let bad = try run(["forecast", "minutes.csv", "--cutoff", "1500", "-o", "c.csv", "--rate-svg", "c.svg", "--rate-step", "0"])
        #expect(bad.status == 2 && bad.error.contains("--rate-step must be a positive number of minutes"))
    }

    @Test func backtestWritesEveryPieceAndItsMeans() throws {
        let result = try run(["backtest", "orders.csv", "--tz", "+08:00", "--train", "1000", "--horizon", "300", "--step", "600",
                              "--model", "drift", "-o", "pieces.csv"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("back-test of drift: 3 pieces (train 1000, horizon 300, step 600), "
            + "cutoffs 2021-05-20T16:39 to 2021-05-21T12:39\n"))
        let lines = try read("pieces.csv").split(separator: "\n")
        #expect(lines.count == 1 + 3 * 300)
        #expect(Set(lines.dropFirst().map { $0.prefix(16) }) == ["2021-05-20T16:39", "2021-05-21T02:39", "2021-05-21T12:39"])
        let object = try json(try run(["backtest", "minutes.csv", "--train", "1000", "--horizon", "300", "--step", "600",
                                       "--json", "-o", "pieces2.csv"]))
        let pieces = try #require(object["pieces"] as? [[String: Any]])
        #expect(pieces.map { $0["cutoff_row"] as? Int } == [999, 1599, 2199])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["pieces"] as? Int == 3)
        #expect(Set(summary.keys) == Self.metricKeys.union(["pieces"]))
        #expect(try Set(#require(pieces.first?["metrics"] as? [String: Any]).keys) == Self.metricKeys.union(["minutes"]))
    }

    @Test(arguments: [
        (["forecast", "minutes.csv", "--cutoff", "99999", "-o", "x.csv"], 2,
         "Error: --cutoff 99999 is outside 'minutes.csv' (rows 0 to 2879, 2021-05-20T00:00 to 2021-05-21T23:59)"),
        (["forecast", "minutes.csv", "--cutoff", "noon", "-o", "x.csv"], 2, "Error: The value 'noon' is invalid for '--cutoff <T>'"),
        (["forecast", "minutes.csv", "--cutoff", "2022-01-01T00:00", "-o", "x.csv"], 2,
         "Error: --cutoff 2022-01-01T00:00 is outside 'minutes.csv' (rows 0 to 2879, 2021-05-20T00:00 to 2021-05-21T23:59)"),
        (["forecast", "minutes.csv", "--cutoff", "500", "-o", "x.csv"], 2,
         "Error: --train 1000 does not fit: the training window is too short: only 501 minutes are observed up to the cutoff (row 500) (needs 1000 minutes, got 501)"),
        (["forecast", "minutes.csv", "--cutoff", "1500", "--model", "profile", "-o", "x.csv"], 2,
         "Error: --model profile needs --history (an earlier sale's orders or minutes)"),
        (["forecast", "minutes.csv", "--cutoff", "1500", "--model", "arima", "-o", "x.csv"], 2, "Error: The value 'arima' is invalid for '--model <model>'. Please provide one of 'flashcast', 'paper', 'drift', 'seasonal_naive' or 'profile'."),
        (["forecast", "minutes.csv", "--cutoff", "1500", "--level", "80", "-o", "x.csv"], 2, "Error: --level must be between 0 and 1 (0.8 for 80%)"),
        (["forecast", "minutes.csv", "--cutoff", "1500", "--level", "0.5,1.5", "-o", "x.csv"], 2, "Error: --level must be between 0 and 1 (0.8 for 80%)"),
        (["forecast", "minutes.csv", "--cutoff", "1500", "--level", "0.5,x", "-o", "x.csv"], 2, "Error: The value '0.5,x' is invalid for '--level <0.8>'"),
        (["forecast", "minutes.csv", "--cutoff", "1500", "--train", "0", "-o", "x.csv"], 2, "Error: --train must be a positive number of minutes"),
        (["forecast", "minutes.csv", "--cutoff", "1500", "--map", "time=t", "-o", "x.csv"], 2,
         "Error: --map, --currency, --rates and --lenient are for orders CSV files, not 'minutes.csv'"),
        (["forecast", "minutes.csv", "-o", "x.csv"], 2, "Error: Missing expected argument '--cutoff <T>'"),
        (["forecast", "missing.csv", "--cutoff", "5", "-o", "x.csv"], 1, "flashcast: cannot open 'missing.csv': no such file or directory"),
        (["forecast", "bad.csv", "--cutoff", "5", "-o", "x.csv"], 1, "flashcast: bad.csv:3:3: amount is not a number: 'lots'"),
        (["forecast", "badminutes.csv", "--cutoff", "0", "-o", "x.csv"], 1, "flashcast: badminutes.csv:3:2: revenue is not a number: 'x'"),
        (["forecast", "empty.csv", "--cutoff", "0", "-o", "x.csv"], 1, "flashcast: empty.csv: no minutes to forecast from"),
        (["forecast", "minutes.csv", "--cutoff", "1500", "-o", "/nonexistent/x.csv"], 1, "flashcast: cannot write '/nonexistent/x.csv': no such file or directory"),
        (["backtest", "minutes.csv", "--train", "2800", "-o", "x.csv"], 2,
         "Error: --train 2800 does not fit: the training window is too short: the series has no room for one piece of 2800 minutes of training and 200 to forecast (needs 3000 minutes, got 2880)"),
        (["backtest", "minutes.csv", "--step", "0", "-o", "x.csv"], 2, "Error: --step must be a positive number of minutes"),
        (["forecast", "minutes5.csv", "--cutoff", "300", "--horizon", "502", "-o", "x.csv"], 2,
         "Error: --horizon must be a multiple of the series' step (5 minutes), got 502"),
        (["backtest", "minutes5.csv", "--train", "1001", "-o", "x.csv"], 2,
         "Error: --train must be a multiple of the series' step (5 minutes), got 1001"),
    ] as [([String], Int32, String)])
    func badInputIsReportedWithTheRightStatus(arguments: [String], status: Int32, message: String) throws {
        try "order_id,order_time,amount\n1,2021-05-20T00:00:00,1\n2,2021-05-20T00:01:00,lots\n"
            .write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        try "minute,revenue\n2021-05-20T00:00,1\n2021-05-20T00:01,x\n"
            .write(to: folder.appendingPathComponent("badminutes.csv"), atomically: true, encoding: .utf8)
        try "minute,revenue,orders\n".write(to: folder.appendingPathComponent("empty.csv"), atomically: true, encoding: .utf8)
        let result = try run(arguments)
        #expect(result.status == status)
        #expect(result.error.hasPrefix(message + "\n"), "\(result.error)")
        #expect(!result.error.contains("Fatal error"))
        #expect(!FileManager.default.fileExists(atPath: try folder.appendingPathComponent("x.csv").path))
    }

    @Test func theCommandWritesWhatTheLuaLibrarySaves() throws {
        let cli = try run(["forecast", "minutes.csv", "--tz", "+08:00", "--cutoff", "1500", "--horizon", "100", "-o", "cli.csv"])
        #expect(cli.status == 0, "\(cli.error)")
        let lua = try run(["-e", """
            local sale = assert(orders.read("orders.csv", {tz = "+08:00"}))
            assert(forecast.run(sale.revenue, {cutoff = 1501, horizon = 100}):save_csv("lua.csv"))
            """])
        #expect(lua.status == 0, "\(lua.error)")
        #expect(try read("cli.csv") == read("lua.csv"))
    }

    @Test func helpDescribesBothCommands() throws {
        let forecast = try runFlashcast(["help", "forecast"])
        #expect(forecast.output.contains("cutoff,minute,step,actual,forecast,lower,upper"))
        #expect(forecast.output.contains("--cutoff <T>"))
        let backtest = try runFlashcast(["help", "backtest"])
        #expect(backtest.output.contains("--step <minutes>"))
        #expect(try runFlashcast(["--help"]).output.contains("backtest"))
    }
}
