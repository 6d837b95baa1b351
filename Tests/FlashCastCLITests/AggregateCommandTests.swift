import Foundation
import TemporaryFolders
import Testing
import TestSupport

@Suite struct AggregateCommandTests {
    @TemporaryFolder("flashcast-aggregate") var folder

    func write(_ name: String, _ text: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try runFlashcast(arguments, in: folder)
    }

    let shop = """
        id,created_at,email,total,status
        1,2021-05-20 14:03:10,a@x.com,10.00,paid
        2,2021-05-20T06:03:50Z,b@x.com,10.80,paid
        3,2021-05-20 14:05:00,a@x.com,5.50,
        4,2021-05-20 14:05:30,c@x.com,99,cancelled
        1,2021-05-20 14:03:10,a@x.com,10.00,paid

        """

    @Test func writesEveryMinuteWithCustomersAndCumulative() throws {
        try write("shop.csv", shop)
        let result = try run(["aggregate", "shop.csv", "--map", "id=id,time=created_at,amount=total", "--tz", "+08:00",
                              "-o", "minutes.csv"])
        #expect(result.status == 0)
        #expect(result.output == """
            read 5 rows: 3 orders, 1 duplicates, 1 excluded (cancelled 1)
              duplicate order id:
                shop.csv:6:1: order id '1' seen before
            wrote minutes.csv: 3 minutes, revenue 26.30

            """)
        #expect(try read("minutes.csv") == """
            minute,revenue,orders,customers,cumulative
            2021-05-20T14:03,20.80,2,2,20.80
            2021-05-20T14:04,0.00,0,0,20.80
            2021-05-20T14:05,5.50,1,1,26.30

            """)
    }

    /// A pipe (`/dev/stdin`, a shell's `<(zcat orders.csv.gz)`) was read as an empty file: the reader
    /// reads by offset and looks at a file's start first, which a pipe cannot give twice.
    @Test func pipesAreReadLikeFiles() throws {
        let options = ["--map", "id=id,time=created_at,amount=total", "--tz", "+08:00"]
        let piped = try runFlashcast(["aggregate", "/dev/stdin"] + options + ["-o", "piped.csv"], input: shop, in: folder)
        #expect(piped.status == 0, "\(piped.error)")
        #expect(piped.output.hasPrefix("read 5 rows: 3 orders, 1 duplicates, 1 excluded (cancelled 1)\n"))
        try write("shop.csv", shop)
        #expect(try run(["aggregate", "shop.csv"] + options + ["-o", "file.csv"]).status == 0)
        #expect(try read("piped.csv") == read("file.csv"))
        // a per-minute CSV is recognised by its start, then read whole
        let forecast = try runFlashcast(["forecast", "/dev/stdin", "--cutoff", "1", "--horizon", "1", "--train", "2", "--model", "drift",
                                         "-o", "f.csv"], input: try read("file.csv"), in: folder)
        #expect(forecast.status == 0, "\(forecast.error)")
        #expect(forecast.output.hasPrefix("stdin: 3 minutes\nforecast from 2021-05-20T14:04 (row 1)"), "\(forecast.output)")
        let lua = try runFlashcast(["-e", "print(#orders.rows('/dev/stdin'), #orders.rows('/dev/stdin'))"], input: shop, in: folder)
        #expect(lua.output == "5\t5\n", "\(lua.error)")
    }

    @Test func stepsAndWindowsFollowTheShopClock() throws {
        try write("shop.csv", shop)
        let result = try run(["aggregate", "shop.csv", "--map", "id=id,time=created_at,amount=total", "--tz", "+08:00",
                              "--from", "2021-05-20 13:58", "--to", "2021-05-20T14:09", "--step", "5", "-o", "five.csv"])
        #expect(result.status == 0)
        #expect(try read("five.csv") == """
            minute,revenue,orders,cumulative
            2021-05-20T13:55,0.00,0,0.00
            2021-05-20T14:00,20.80,2,20.80
            2021-05-20T14:05,5.50,1,26.30

            """)
    }

    @Test func aBadRowStopsWithItsPositionAndWritesNothing() throws {
        try write("orders.csv", "order_id,order_time,customer,amount\n1,2021-05-20T14:03:00,a,1\n2,2021-05-20T14:04:00,b,12.5x\n")
        let strict = try run(["aggregate", "orders.csv", "-o", "m.csv"])
        #expect(strict.status == 1)
        #expect(strict.error == "flashcast: orders.csv:3:4: amount is not a number: '12.5x'\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.csv").path))
        let lenient = try run(["aggregate", "orders.csv", "--lenient", "-o", "m.csv"])
        #expect(lenient.status == 0)
        #expect(lenient.output.hasPrefix("""
            read 2 rows: 1 orders, 1 skipped (amount is not a number: 1)
              amount is not a number:
                orders.csv:3:4: amount is not a number: '12.5x'

            """))
        #expect(try read("m.csv") == "minute,revenue,orders,customers,cumulative\n2021-05-20T14:03,1.00,1,1,1.00\n")
    }

    /// Lenient reading of a file in a format it cannot read must not pass for an empty sale.
    @Test func lenientWithEveryRowBadExitsWithOne() throws {
        try write("orders.csv", "order_time,amount\n2021-05-20T14:03:00,12 EUR\n2021-05-20T14:04:00,3 EUR\n")
        let result = try run(["aggregate", "orders.csv", "--lenient", "-o", "m.csv"])
        #expect(result.status == 1)
        #expect(result.error == "flashcast: orders.csv:2:2: every row is bad (2 skipped), the first: amount is not a number: '12 EUR'\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.csv").path))
    }

    @Test func europeanExportsAreFoundOrGiven() throws {
        try write("de.csv", "order_time;amount\n29.11.2024 10:00;12,50\n29.11.2024 10:01;1.234,50\n")
        let found = try run(["aggregate", "de.csv", "-o", "m.csv"])
        #expect(found.status == 0)
        #expect(found.output.hasPrefix("read 2 rows: 2 orders, decimal comma (line 2)\n"))
        #expect(try read("m.csv") == "minute,revenue,orders,cumulative\n2024-11-29T10:00,12.50,1,12.50\n2024-11-29T10:01,1234.50,1,1247.00\n")
        try write("fr.csv", "order_time;amount\n01/12/2024 10:00;1.000\n")
        let unclear = try run(["aggregate", "fr.csv", "-o", "m.csv"])
        #expect(unclear.status == 1)
        #expect(unclear.error == "flashcast: fr.csv:2:1: order time '01/12/2024 10:00' may be day-first or month-first:"
                + " set the option dates to 'dmy' or 'mdy'\n")
        let given = try run(["aggregate", "fr.csv", "--decimal", ",", "--dates", "dmy", "-o", "m.csv"])
        #expect(given.status == 0)
        #expect(try read("m.csv") == "minute,revenue,orders,cumulative\n2024-12-01T10:00,1000.00,1,1000.00\n")
        for command in ["forecast", "backtest", "whatif"] {
            let help = try run([command, "--help"]).output
            #expect(help.contains("--decimal <,>") && help.contains("--dates <dmy>"), "\(command)")
        }
    }

    @Test func convertsCurrencies() throws {
        try write("fx.csv", "order_time,amount,currency\n2021-05-20T14:03:00,10,EUR\n2021-05-20T14:03:30,1,usd\n")
        let result = try run(["aggregate", "fx.csv", "--currency", "USD", "--rates", "EUR=1.08", "-o", "m.csv"])
        #expect(result.status == 0)
        #expect(try read("m.csv") == "minute,revenue,orders,cumulative\n2021-05-20T14:03,11.80,2,11.80\n")
        let unknown = try run(["aggregate", "fx.csv", "--currency", "EUR", "-o", "m.csv"])
        #expect(unknown.error == "flashcast: fx.csv:3:3: unknown currency 'usd'\n")
    }

    @Test(arguments: [
        (["--step", "7"], "Error: --step must be 1, 5, 15 or 60"),
        (["--from", "2021-05-20"], "Error: --from and --to go together"),
        (["--from", "2021-05-21", "--to", "2021-05-20"], "Error: --to is before --from"),
        (["--from", "soon", "--to", "2021-05-20"], "Error: --from is not a time: 'soon'"),
        (["--rates", "EUR=1.08"], "Error: --rates needs --currency (the reporting currency)"),
        (["--tz", "Mars/Base"], "Error: The value 'Mars/Base' is invalid for '--tz <+08:00>'"),
        (["--map", "when=t"], "Error: The value 'when=t' is invalid for '--map <time=created_at,amount=total>'"),
        (["--map", "time=a,time=b"], "Error: --map gives 'time' more than once"),
        (["--decimal", ";"], "Error: The value ';' is invalid for '--decimal <,>'. Please provide one of '.' and ','."),
        (["--dates", "ymd"], "Error: The value 'ymd' is invalid for '--dates <dmy>'. Please provide one of 'dmy' and 'mdy'."),
    ])
    func usageErrorsExitWithTwo(extra: [String], message: String) throws {
        try write("shop.csv", shop)
        let result = try run(["aggregate", "shop.csv", "-o", "m.csv"] + extra)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix(message + "\n"))
    }
}

@Suite struct SimulateCommandTests {
    @TemporaryFolder("flashcast-simulate") var folder

    @Test func theSameSeedWritesTheSameFileAndItsTotalsAggregate() throws {
        let arguments = ["simulate", "--minutes", "240", "--orders", "2000", "--seed", "5", "--campaign", "02:00:3:20"]
        let first = try runFlashcast(arguments + ["-o", "a.csv"], in: folder)
        #expect(try runFlashcast(arguments + ["-o", "b.csv"], in: folder).status == 0)
        #expect(first.status == 0)
        #expect(first.output.hasPrefix("wrote ") && first.output.hasSuffix(" orders to a.csv\n"))
        let a = try Data(contentsOf: folder.appendingPathComponent("a.csv"))
        #expect(a == (try Data(contentsOf: folder.appendingPathComponent("b.csv"))))
        let lines = String(decoding: a, as: UTF8.self).split(separator: "\n").dropFirst()
        let cents = lines.reduce(0) { total, line in
            let amount = line.split(separator: ",")[3].split(separator: ".")
            return total + (Int(amount[0]) ?? 0) * 100 + (Int(amount[1]) ?? 0)
        }
        let campaignHour = lines.filter { $0.contains(" 02:") }.count
        let quietHour = lines.filter { $0.contains(" 01:") }.count
        #expect(campaignHour > quietHour)
        let aggregate = try runFlashcast(["aggregate", "a.csv", "--step", "60", "-o", "hours.csv"], in: folder)
        #expect(aggregate.status == 0)
        let hours = try String(contentsOf: folder.appendingPathComponent("hours.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(hours.count == 5)
        #expect(hours.last?.hasSuffix(",\(cents / 100).\(String(format: "%02d", cents % 100))") == true)
        #expect(hours[3].hasPrefix("2021-05-20T02:00,") && hours[3].contains(",\(campaignHour),"))
    }

    @Test func malformedCampaignsAreUsageErrors() throws {
        let result = try runFlashcast(["simulate", "--campaign", "9:60:1", "-o", "x.csv"], in: folder)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: The value '9:60:1' is invalid for '--campaign <HH:MM:LIFT[:HALFLIFE]>'"))
    }
}

/// `aggregate --svg`: the bar chart of revenue per step next to the CSV.
@Suite struct AggregateChartTests {
    @TemporaryFolder("flashcast-aggregate-svg") var folder

    @Test func svgDrawsRevenuePerStepWithTheRunningTotal() throws {
        try """
            id,created_at,total
            1,2021-05-20 14:03:10,10.00
            2,2021-05-20 14:07:50,1200.80
            3,2021-05-20 14:21:00,5.50

            """.write(to: folder.appendingPathComponent("shop.csv"), atomically: true, encoding: .utf8)
        let result = try runFlashcast(["aggregate", "shop.csv", "--map", "id=id,time=created_at,amount=total", "--tz", "+08:00",
                                       "--step", "5", "--currency", "EUR", "-o", "m.csv", "--svg", "chart.svg"], in: folder)
        #expect(result.status == 0)
        let svg = try String(contentsOf: folder.appendingPathComponent("chart.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
        #expect(svg.contains(">Revenue per 5 minutes</text>"))
        #expect(svg.contains("shop.csv: 19 minutes, total 1.22k EUR"))
        #expect(svg.contains(">14:05</text>") && svg.contains("cumulative (right axis)"))
        let bars = svg.split(separator: "\n").first { $0.contains("<path") && $0.contains("fill-opacity") } ?? ""
        #expect(bars.filter { $0 == "Z" }.count == 5, "a bar for each 5 minutes from 14:00 to 14:20")
        let missing = try runFlashcast(["aggregate", "shop.csv", "--map", "id=id,time=created_at,amount=total",
                                        "-o", "m.csv", "--svg", "no/chart.svg"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.error.contains("cannot write 'no/chart.svg'"))
    }
}
