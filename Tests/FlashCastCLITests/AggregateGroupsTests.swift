import Foundation
import SaleData
import TemporaryFolders
import TestSupport
import Testing
@testable import OrderSources

/// `flashcast aggregate --by`: the long CSV of groups, from an export and from a database.
@Suite struct AggregateGroupsTests {
    @TemporaryFolder("flashcast-aggregate-groups") var folder

    func run(_ arguments: [String]) throws -> CommandResult { try runFlashcast(arguments, in: folder) }

    func file(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    /// A day of simulated orders with a market each (`country`), as an export and as an SQLite table.
    func sale() throws -> SaleSimulation {
        var sale = SaleSimulation()
        sale.start = 27_259_920
        sale.minutes = 1440
        sale.expectedOrders = 3000
        sale.zone = try #require(ShopZone("Europe/Berlin"))
        var csv = "order_id,order_time,customer,amount,country\n"
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("orders.db").path, mode: .create)
        try database.execute("CREATE TABLE sales (order_id INTEGER, created_at INTEGER, buyer TEXT, total REAL, market TEXT); BEGIN")
        let insert = try database.prepare("INSERT INTO sales VALUES (?1, ?2, ?3, ?4, ?5)")
        for order in sale.orders() {
            let market = ["DE", "FR", "US", ""][order.id % 4]
            let amount = Double(order.cents) / 100
            let fields: [String] = [String(order.id), String(order.second), order.customerLabel, String(amount), market]
            csv += fields.joined(separator: ",") + "\n"
            try insert.bind([.integer(Int64(order.id)), .integer(Int64(order.second)), .text(order.customerLabel),
                             .real(amount), .text(market)])
            _ = try insert.step()
        }
        try database.execute("COMMIT; UPDATE sales SET market = NULL WHERE market = ''")
        try csv.write(to: folder.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        return sale
    }

    @Test(arguments: [[], ["--step", "15"]])
    func theDatabaseGivesTheExportsLongCSV(extra: [String]) throws {
        _ = try sale()
        let common = ["--tz", "Europe/Berlin"] + extra
        let csv = try run(["aggregate", "orders.csv", "--by", "country", "-o", "csv.csv"] + common)
        #expect(csv.status == 0)
        #expect(csv.output.contains("4 groups by 'country':\n  "))
        let db = try run(["aggregate", "--db", "sqlite:orders.db", "--table", "sales", "--by", "market",
                          "--map", "time=created_at,amount=total,customer=buyer", "-o", "db.csv"] + common)
        #expect(db.status == 0)
        #expect(try file("db.csv") == (try file("csv.csv")))
        let lines = try file("csv.csv").split(separator: "\n")
        #expect(lines.first == (extra.isEmpty ? "group,minute,revenue,orders,customers,cumulative" : "group,minute,revenue,orders,cumulative"))
        #expect(lines.count == 1 + 4 * (extra.isEmpty ? 1440 : 96))
        #expect(lines[1].hasPrefix("(none),2021-10-30T14:00,"))
    }

    @Test func mistakesExitWithTheirStatus() throws {
        _ = try sale()
        let missing = try run(["aggregate", "orders.csv", "--by", "region", "-o", "out.csv"])
        #expect(missing.status == 1)
        #expect(missing.error == "flashcast: orders.csv:1:1: no column 'region' to group by (columns: order_id, order_time,"
            + " customer, amount, country)\n")
        let tooMany = try run(["aggregate", "orders.csv", "--by", "customer", "--max-groups", "5", "-o", "out.csv"])
        #expect(tooMany.status == 1)
        #expect(tooMany.error.hasSuffix("is one more than the 5 groups allowed by 'customer': raise the limit (max_groups; --max-groups on the command line)"
            + " or group by a coarser key\n"))
        let hostile = try run(["aggregate", "--db", "sqlite:orders.db", "--table", "sales", "--by", "market; DROP TABLE sales",
                               "--map", "time=created_at,amount=total", "-o", "out.csv"])
        #expect(hostile.status == 1)
        #expect(hostile.error == "flashcast: bad group column name 'market; DROP TABLE sales' (plain identifier expected:"
            + " letters, digits and '_', not starting with a digit)\n")
        #expect(try run(["aggregate", "orders.csv", "--zones", "DE=+01:00", "-o", "out.csv"]).status == 2)
        #expect(try run(["aggregate", "orders.csv", "--by", "country", "--zones", "DE=Mars", "-o", "out.csv"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
    }
}

/// `flashcast simulate --markets` and `flashcast forecast --by` on the bundled four-market sale.
@Suite struct ForecastGroupsTests {
    @TemporaryFolder("flashcast-forecast-groups") var folder
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let reading = ["--tz", "+08:00", "--currency", "USD", "--rates", "EUR=1.08,USD=1.0,JPY=0.0067,BRL=0.2"]

    @Test func forecastByCountryWritesEveryNodeAndTheReconciliation() throws {
        let output = folder.appendingPathComponent("f.csv").path
        let result = try runFlashcast(["forecast", "examples/data/markets_sale.csv", "--by", "country", "--cutoff",
                                       "2021-11-12T20:00", "--origins", "2", "--zones", "DE=Europe/Berlin", "-o", output] + reading,
                                      in: repository)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("forecast from 2021-11-12T20:00 (row 2640) to 2021-11-13T04:20, 500 minutes, model flashcast, 4 groups"))
        #expect(lines.contains { $0.hasPrefix("reconciled: ") && $0.contains(" by back-test over 2 origins: the total erred ") })
        #expect(lines.filter { $0.hasPrefix("(total) ") || $0.hasPrefix("(direct) ") || $0.hasPrefix("DE ") }.count == 3)
        let csv = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "group,cutoff,minute,step,actual,forecast,lower,upper")
        #expect(csv.count == 1 + 6 * 500)
        #expect(Set(csv.dropFirst().map { $0.prefix { $0 != "," } }) == ["(total)", "(direct)", "BR", "DE", "JP", "US"])
        // Berlin's clock drives DE's daily cycle; the file labels every group in the shop's zone, as aggregate --by does.
        #expect(csv.first { $0.hasPrefix("DE,") }?.hasPrefix("DE,2021-11-12T20:00,2021-11-12T20:01,1,") == true)
    }

    @Test func groupNamesWithLineBreaksStayOnOneLineOfTheTables() throws {
        var csv = "order_id,order_time,customer,amount,country\n"
        for minute in 0..<1600 {
            for (k, market) in ["\"A\nB\"", "\"C,D\""].enumerated() {
                csv += "\(2 * minute + k),2021-05-20T\(String(format: "%02d:%02d", minute / 60 % 24, minute % 60)):00,"
                    + "c\(minute),\(10 + (minute * 7 + k * 3) % 40).00,\(market)\n"
            }
        }
        let input = folder.appendingPathComponent("lines.csv").path
        try csv.write(toFile: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("f.csv").path
        let forecast = try runFlashcast(["forecast", input, "--by", "country", "--cutoff", "1199", "--horizon", "200",
                                         "--origins", "1", "-o", output], in: folder)
        #expect(forecast.status == 0, "\(forecast.error)")
        let lines = forecast.output.split(separator: "\n")
        let header = try #require(lines.first { $0.hasPrefix("group ") })
        let rows = lines.filter { $0.hasPrefix("A\\nB ") || $0.hasPrefix("C,D ") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.count == header.count }, "\(forecast.output)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\"A\nB\",2021-05-20T19:59,"))
        let backtest = try runFlashcast(["backtest", input, "--by", "country", "--train", "600", "--horizon", "200",
                                         "--step", "400", "-o", output], in: folder)
        #expect(backtest.status == 0, "\(backtest.error)")
        #expect(backtest.output.split(separator: "\n").contains { $0.hasPrefix("A\\nB ") })
    }

    @Test func forecastByCountryRunsToTheSaleEndAndWarnsPastIt() throws {
        let output = folder.appendingPathComponent("end.csv").path
        let base = ["forecast", "examples/data/markets_sale.csv", "--by", "country", "--cutoff", "2021-11-12T20:00", "--origins", "1",
                    "--end", "2021-11-12T23:59", "-o", output] + reading
        let result = try runFlashcast(base, in: repository)
        #expect(result.status == 0 && result.error == "", "\(result.error)")
        #expect(result.output.contains("to 2021-11-12T23:59, 239 minutes, model flashcast, 4 groups\n"), "\(result.output)")
        #expect(result.output.contains("\nthe sale ends 2021-11-12T23:59: the forecast runs to it\n"))
        let past = try runFlashcast(base + ["--horizon", "300"], in: repository)
        #expect(past.status == 0)
        #expect(past.error == "flashcast: warning: the forecast runs 61 minutes past the sale's end (2021-11-12T23:59); "
            + "without --horizon, --end forecasts to the end\n")
    }

    @Test func backtestByCountryBackTestsEveryNodeAtEveryCutoff() throws {
        let output = folder.appendingPathComponent("b.csv").path
        let result = try runFlashcast(["backtest", "examples/data/markets_sale.csv", "--by", "country", "--train", "1440", "--horizon",
                                       "500", "--step", "1000", "--reconciliation", "bottom_up", "-o", output] + reading, in: repository)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("reconciled: bottom-up at 3 of 3 cutoffs"))
        #expect(lines.contains { $0.hasPrefix("group ") && $0.contains("hre@500") })
        #expect(lines.filter { ["(total) ", "(direct) ", "BR ", "DE ", "JP ", "US "].contains(where: $0.hasPrefix) }.count == 6)
        let csv = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(csv.first == "group,cutoff,minute,step,actual,forecast,lower,upper")
        #expect(csv.count == 1 + 6 * 3 * 500)
        let json = try runFlashcast(["backtest", "examples/data/markets_sale.csv", "--by", "country", "--json", "-o", output] + reading,
                                    in: repository)
        #expect(json.status == 2 && json.error.hasPrefix("Error: --json is for one series, not with --by"))
    }

    @Test func misuseIsAUsageError() throws {
        let output = folder.appendingPathComponent("f.csv").path
        let base = ["forecast", "examples/data/markets_sale.csv", "--cutoff", "2021-11-12T20:00", "-o", output] + reading
        let cases: [([String], String)] = [
            (["--reconciliation", "wls"], "Error: --reconciliation and --origins go with --by"),
            (["--by", "country", "--reconciliation", "mint"], "Error: The value 'mint' is invalid for '--reconciliation <method>'"),
            (["--by", "country", "--email", "21:00"], "Error: --email and --discount are for one series, not with --by"),
            (["--by", "country", "--origins", "0"], "Error: --origins must be at least 1"),
            (["--by", "country", "--rate-svg", "r.svg"], "Error: --rate-svg is for one series, not with --by"),
        ]
        for (extra, message) in cases {
            let result = try runFlashcast(base + extra, in: repository)
            #expect(result.status == 2, "\(extra)")
            #expect(result.error.hasPrefix(message), "\(extra): \(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// The `whatif --by` CSV's end values: group -> scenario -> the last row's cumulative mean.
    func whatIfEnds(_ path: String) throws -> [String: [String: Double]] {
        var ends: [String: [String: Double]] = [:]
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",").map(String.init)
            ends[fields[0], default: [:]][fields[1]] = Double(fields[4])
        }
        return ends
    }

    @Test func whatifByCountryTriesEveryScenarioOnEveryGroupAndTheTotalAddsUp() throws {
        let output = folder.appendingPathComponent("w.csv").path, svg = folder.appendingPathComponent("w.svg").path
        let base = ["whatif", "examples/data/markets_sale.csv", "--by", "country", "--by", "23:00", "--cutoff", "2021-11-12T20:00",
                    "--horizon", "200", "--email", "22:00", "--lift", "1", "--half-life", "20", "--rise", "0", "--discount", "21:00:0.1",
                    "--reconciliation", "bottom_up", "--zones", "DE=Europe/Berlin,US=America/New_York", "-o", output] + reading
        let result = try runFlashcast(base + ["--svg", svg], in: repository)
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("scenario ") && $0.contains("gain by 2021-11-12T23:00") })
        #expect(lines.contains { $0.hasPrefix("group    gain: e-mail 22:00  gain: discount 21:00 +10%  gain: all together") })
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("group,scenario,minute,rate,mean,lower,upper\n(total),baseline,2021-11-12T20:01,"))
        #expect(text.contains("\nDE,baseline,2021-11-12T20:01,") && text.contains("\nUS,baseline,2021-11-12T20:01,"))
        let ends = try whatIfEnds(output)
        #expect(Set(ends.keys) == ["(total)", "BR", "DE", "JP", "US"])
        let groups = ["BR", "DE", "JP", "US"]
        for scenario in ["baseline", "e-mail 22:00", "discount 21:00 +10%", "all together"] {
            let total = try #require(ends["(total)"]?[scenario])
            let sum = groups.reduce(0.0) { $0 + (ends[$1]?[scenario] ?? .nan) }
            #expect(abs(total - sum) < 0.05, "\(scenario): total \(total), groups \(sum)")
            #expect(scenario == "baseline" || total > (ends["(total)"]?["baseline"] ?? .infinity))
        }
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("What if: the reconciled total, forecast from 2021-11-12T20:00"))

        let only = try runFlashcast(base + ["--groups", "US"], in: repository)
        #expect(only.status == 0, "\(only.error)")
        let onlyEnds = try whatIfEnds(output)
        let gain = { (group: String) in (onlyEnds[group]?["e-mail 22:00"] ?? .nan) - (onlyEnds[group]?["baseline"] ?? .nan) }
        #expect(gain("US") > 0 && gain("DE") == 0 && gain("BR") == 0 && gain("JP") == 0)
        #expect(abs(gain("(total)") - gain("US")) < 0.05)
    }

    @Test func whatifByMisuseIsAUsageError() throws {
        let output = folder.appendingPathComponent("w.csv").path
        let base = ["whatif", "examples/data/markets_sale.csv", "--cutoff", "2021-11-12T20:00", "--email", "22:00", "-o", output] + reading
        let cases: [([String], String)] = [
            (["--groups", "US"], "Error: --max-groups, --zones and --groups go with --by column"),
            (["--by", "23:00", "--zones", "DE=Europe/Berlin"], "Error: --max-groups, --zones and --groups go with --by column"),
            (["--by", "country", "--by", "channel"], "Error: --by takes one time and one column at most"),
            (["--by", "country", "--groups", "FR"], "Error: --groups names no group by 'country': 'FR'"),
            (["--reconciliation", "wls"], "Error: --reconciliation and --origins go with --by"),
        ]
        for (extra, message) in cases {
            let result = try runFlashcast(base + extra, in: repository)
            #expect(result.status == 2, "\(extra)")
            #expect(result.error.hasPrefix(message), "\(extra): \(result.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func simulateMarketsWritesCurrencyAndCountry() throws {
        let result = try runFlashcast(["simulate", "--markets", "--minutes", "600", "--orders", "2000", "-o", "m.csv",
                                       "--market-campaign", "DE=05:00:2"], in: folder)
        #expect(result.status == 0)
        #expect(result.output.hasSuffix(" orders to m.csv in 4 markets (read with --currency USD --rates"
            + " EUR=1.08,USD=1.0,JPY=0.0067,BRL=0.2)\n"))
        let text = try String(contentsOf: folder.appendingPathComponent("m.csv"), encoding: .utf8)
        #expect(text.hasPrefix("order_id,order_time,customer,amount,currency,country\n10000000,2021-05-20 00:00:"))
        #expect(try runFlashcast(["simulate", "--markets", "--market-campaign", "XX=05:00:2", "-o", "m.csv"], in: folder).status == 2)
        #expect(try runFlashcast(["simulate", "--market", "DE:Mars:EUR:1:1", "-o", "m.csv"], in: folder).status == 2)
        let own = try runFlashcast(["simulate", "--market", "A:+01:00:EUR:1.1:2", "--minutes", "60", "--orders", "100",
                                    "-o", "own.csv"], in: folder)
        #expect(own.status == 2)  // a zone with a colon cannot be written in the spec: names such as Europe/Berlin can
        let named = try runFlashcast(["simulate", "--market", "A:Europe/Berlin:EUR:1.1:2", "--market", "B:UTC:USD:1:1",
                                      "--minutes", "60", "--orders", "100", "-o", "own.csv"], in: folder)
        #expect(named.status == 0)
    }
}
