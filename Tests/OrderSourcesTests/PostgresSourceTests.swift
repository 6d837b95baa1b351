import Foundation
import SaleData
import Testing
@testable import OrderSources

@Suite(PostgresTestServer.enabled) struct PostgresSourceTests {
    /// Zone, how the table stores times, the simulator's time format, the amount type.
    static let layouts: [(String, String, SaleSimulation.TimeFormat, String)] = [
        ("Europe/Berlin", "timestamp with time zone", .offset, "numeric(12,2)"),
        ("Europe/Berlin", "timestamp without time zone", .local, "numeric(12,2)"),
        ("+08:00", "timestamp without time zone", .local, "double precision"),
        ("-05:30", "timestamptz", .offset, "real"),
        ("America/New_York", "bigint", .epoch, "numeric"),
        ("UTC", "double precision", .epoch, "double precision"),
    ]

    @Test(arguments: layouts)
    func equalsTheCSVPath(zoneName: String, timeType: String, format: SaleSimulation.TimeFormat,
                          amountType: String) throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone(zoneName)), format: format)
        let source = try PostgresTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { PostgresTestServer.drop(table, source: source) }
        try PostgresTestServer.load(sale, into: table, timeType: timeType, amountType: amountType, source: source)
        let query = try MinuteQuery(table: table, time: "created_at", amount: "total", customer: "customer",
                                    zone: sale.zone)
        let result = try source.minuteTable(query)
        let expected = try SimulatedSales.csvTable(sale)
        #expect(result == expected)
        #expect(result.orders.reduce(0, +) == sale.orders().count)
    }

    @Test(arguments: ["timestamptz", "timestamp", "bigint"])
    func windowAndFilterArePushedDown(timeType: String) throws {
        let zone = try #require(ShopZone("Europe/Berlin"))
        let sale = SimulatedSales.sale(zone: zone, format: timeType == "bigint" ? .epoch : timeType == "timestamp" ? .local : .offset)
        let source = try PostgresTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { PostgresTestServer.drop(table, source: source) }
        try PostgresTestServer.load(sale, into: table, timeType: timeType, source: source)
        _ = try source.run("UPDATE \(table) SET status = 'refunded' WHERE order_id % 10 = 0", [])
        // 00:00Z to 01:59Z on 2021-10-31 holds the repeated hour 02:00-03:00 of Berlin's wall clock.
        let window = 27_259_920 + 720...27_259_920 + 839
        let query = try MinuteQuery(table: table, time: "created_at", amount: "total",
                                    where: "status in ('paid', 'new') and total > 0", window: window, zone: zone)
        let result = try source.minuteTable(query)
        let kept = sale.orders().filter { order in
            let minute = timeType == "timestamp" ? zone.utcSeconds(fromLocal: order.second + zone.offset(atUTC: order.second)) / 60
                : order.second / 60
            return window.contains(minute) && order.id % 10 != 0
        }
        #expect(result.start == window.lowerBound && result.count == 120)
        #expect(result.orders.reduce(0, +) == kept.count)
        #expect(result.totalCents == kept.reduce(0) { $0 + $1.cents })
        #expect(!kept.isEmpty)
    }

    @Test func injectionThroughValuesFindsNothingAndChangesNothing() throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .epoch)
        let source = try PostgresTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { PostgresTestServer.drop(table, source: source) }
        try PostgresTestServer.load(sale, into: table, timeType: "bigint", source: source)
        for attempt in ["status = 'x'' or ''1''=''1'", "status = 'paid''); drop table \(table); --'",
                        "status = 'x\\'' or ''1''=''1'"] {
            let query = try MinuteQuery(table: table, time: "created_at", amount: "total", where: attempt)
            #expect(try source.minuteRows(query, from: nil, through: nil).isEmpty)
        }
        #expect(throws: OrderSourceError.self) { try MinuteQuery(table: table, time: "t", amount: "a", where: "s = E'\\''") }
        #expect(try source.run("SELECT count(*) FROM \(table)", []) == [[String(sale.orders().count)]])
    }

    @Test func missingTableAndColumnAreNamed() throws {
        let source = try PostgresTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { PostgresTestServer.drop(table, source: source) }
        _ = try source.run("CREATE TABLE \(table) (created_at text, made timestamptz, total numeric)", [])
        let cases: [(String, String, String)] = [
            ("no_such_table", "made", "no table 'no_such_table' in"),
            (table, "placed_at", "no column 'placed_at' (time) in table '\(table)' (columns: created_at, made, total)"),
            (table, "created_at", "time column 'created_at' of '\(table)' is text (timestamp or epoch seconds expected)"),
        ]
        for (name, time, message) in cases {
            let query = try MinuteQuery(table: name, time: time, amount: "total")
            #expect {
                _ = try source.minuteRows(query, from: nil, through: nil)
            } throws: { error in
                (error as? OrderSourceError)?.message.hasPrefix(message) == true
            }
        }
        let misspelled: [(MinuteQuery, String)] = [
            (try MinuteQuery(table: table, time: "made", amount: "totl"), "'totl' (amount)"),
            (try MinuteQuery(table: table, time: "made", amount: "Total"), "'Total' (amount)"),
            (try MinuteQuery(table: table, time: "made", amount: "total", customer: "buyer"), "'buyer' (customer)"),
            (try MinuteQuery(table: table, time: "made", amount: "total", where: "stauts = 'paid'"), "'stauts' (where)"),
        ]
        for (query, column) in misspelled {
            #expect(throws: OrderSourceError("no column \(column) in table '\(table)' (columns: created_at, made, total)")) {
                try source.minuteRows(query, from: nil, through: nil)
            }
        }
    }
}
