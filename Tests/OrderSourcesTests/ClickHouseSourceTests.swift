import Foundation
import SaleData
import Testing
@testable import OrderSources

@Suite(ClickHouseTestServer.enabled) struct ClickHouseSourceTests {
    /// Zone, how the table stores times, the amount type.
    static let layouts: [(String, String, String)] = [
        ("Europe/Berlin", "DateTime", "Decimal(12, 2)"),
        ("+08:00", "DateTime('Asia/Shanghai')", "Float64"),
        ("America/New_York", "UInt32", "Decimal(18, 4)"),
        ("-05:30", "Nullable(Int64)", "Float32"),
        ("UTC", "Float64", "Nullable(Decimal(38, 2))"),
    ]

    @Test(arguments: layouts)
    func equalsTheCSVPath(zoneName: String, timeType: String, amountType: String) throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone(zoneName)), format: .offset)
        let source = try ClickHouseTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { ClickHouseTestServer.drop(table, source: source) }
        try ClickHouseTestServer.load(sale, into: table, timeType: timeType, amountType: amountType, source: source)
        let query = try MinuteQuery(table: table, time: "created_at", amount: "total", customer: "customer", zone: sale.zone)
        let result = try source.minuteTable(query)
        #expect(result == (try SimulatedSales.csvTable(sale)))
        #expect(result.orders.reduce(0, +) == sale.orders().count)
    }

    @Test(arguments: [("Europe/Berlin", "DateTime"), ("UTC", "UInt32")])
    func groupsEqualTheCSVPath(zoneName: String, timeType: String) throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone(zoneName)), format: .offset)
        let source = try ClickHouseTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { ClickHouseTestServer.drop(table, source: source) }
        try ClickHouseTestServer.load(sale, into: table, timeType: timeType, source: source) { id in
            id % 5 == 4 ? nil : GroupedSales.market(id)
        }
        let zones = ["FR": try #require(ShopZone("Europe/Paris"))]
        var grouping = OrderGrouping(.column("status"))
        grouping.zones = zones
        let (total, groups) = try source.groupedTables(try GroupedSales.query(table, zone: sale.zone), grouping: grouping)
        let expected = try GroupedSales.csvGroups(sale, zones: zones)
        #expect(total == expected.total.table)
        #expect(groups.map(\.name) == ["(none)", "DE", "FR", "US"])
        #expect(groups == expected.groups)
    }

    @Test(arguments: ["DateTime", "Int64"])
    func windowAndFilterArePushedDown(timeType: String) throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .offset)
        let source = try ClickHouseTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { ClickHouseTestServer.drop(table, source: source) }
        try ClickHouseTestServer.load(sale, into: table, timeType: timeType, source: source) { id in
            id % 10 == 0 ? "refunded" : "paid"
        }
        let window = 27_259_920 + 720...27_259_920 + 839
        let query = try MinuteQuery(table: table, time: "created_at", amount: "total",
                                    where: "status in ('paid', 'new') and total > 0 and status is not null", window: window)
        let result = try source.minuteTable(query)
        let kept = sale.orders().filter { window.contains($0.second / 60) && $0.id % 10 != 0 }
        #expect(result.start == window.lowerBound && result.count == 120)
        #expect(result.orders.reduce(0, +) == kept.count)
        #expect(result.totalCents == kept.reduce(0) { $0 + $1.cents })
        #expect(!kept.isEmpty)
    }

    /// Values that end a literal in one dialect or another are found exactly, and change nothing.
    @Test func hostileValuesAreMatchedExactly() throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .offset)
        let source = try ClickHouseTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { ClickHouseTestServer.drop(table, source: source) }
        let statuses = ["it's", "back\\slash", "x\\' or 1=1 --", "tab\there", "new\nline", "nul\u{0}byte",
                        "'); DROP TABLE \(table); --", "数据 \u{7F}"]
        try ClickHouseTestServer.load(sale, into: table, timeType: "DateTime", source: source) { statuses[$0 % statuses.count] }
        for (index, status) in statuses.enumerated() {
            let literal = "'" + status.replacingOccurrences(of: "'", with: "''") + "'"
            let query = try MinuteQuery(table: table, time: "created_at", amount: "total", where: "status = \(literal)")
            let found = try source.minuteRows(query, from: nil, through: nil).reduce(0) { $0 + $1.orders }
            #expect(found == sale.orders().filter { $0.id % statuses.count == index }.count, "\(status)")
        }
        for attempt in ["status = 'x'' or ''1''=''1'", "status = 'paid''); drop table \(table); --'"] {
            let query = try MinuteQuery(table: table, time: "created_at", amount: "total", where: attempt)
            #expect(try source.minuteRows(query, from: nil, through: nil).isEmpty)
        }
        for hostile in ["orders`; DROP TABLE x", "\"orders\"", "orders--", "a.b.c", "orders FORMAT CSV", "1orders"] {
            #expect(throws: OrderSourceError.self) { try MinuteQuery(table: hostile, time: "t", amount: "a") }
            #expect(throws: OrderSourceError.self) { try MinuteQuery(table: "t", time: hostile, amount: "a") }
        }
        for filter in ["status = 'x' or 1 = 1", "status = 'x'; DROP TABLE t", "status = 'x' -- c", "status = \"x\"",
                       "status = 'x' FORMAT CSV", "toString(status) = 'x'"] {
            #expect(throws: OrderSourceError.self) { try MinuteQuery(table: "t", time: "t", amount: "a", where: filter) }
        }
        #expect(try source.run("SELECT count() FROM \(table) FORMAT TabSeparated") == [[String(sale.orders().count)]])
    }

    @Test func missingTableColumnAndBadTypesAreNamed() throws {
        let source = try ClickHouseTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { ClickHouseTestServer.drop(table, source: source) }
        _ = try source.run("CREATE TABLE \(table) (created_at String, made DateTime, total Decimal(9, 2), note String)"
                           + " ENGINE = MergeTree ORDER BY made")
        let address = try ClickHouseTestServer.address()
        let cases: [(MinuteQuery, String)] = [
            (try MinuteQuery(table: "no_such_table", time: "made", amount: "total"), "no table 'no_such_table' in '\(address)'"),
            (try MinuteQuery(table: table, time: "placed_at", amount: "total"),
             "no column 'placed_at' (time) in table '\(table)' (columns: created_at, made, total, note)"),
            (try MinuteQuery(table: table, time: "made", amount: "Total"),
             "no column 'Total' (amount) in table '\(table)' (columns: created_at, made, total, note)"),
            (try MinuteQuery(table: table, time: "created_at", amount: "total"),
             "time column 'created_at' of '\(table)' is String (DateTime or epoch seconds expected)"),
            (try MinuteQuery(table: table, time: "made", amount: "note"),
             "amount column 'note' of '\(table)' is String (a number expected)"),
            (try MinuteQuery(table: table, time: "made", amount: "total", where: "note = 1"),
             "query on '\(address)' failed: illegal types of arguments (String, UInt8) of function equals (ClickHouse code 43)"),
        ]
        for (query, message) in cases {
            #expect(throws: OrderSourceError(message)) { try source.minuteRows(query, from: nil, through: nil) }
        }
    }

    @Test func aHugeAnswerIsCutShort() throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .offset)
        let source = try ClickHouseTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { ClickHouseTestServer.drop(table, source: source) }
        try ClickHouseTestServer.load(sale, into: table, timeType: "DateTime", source: source)
        source.maxRows = 500
        let query = try MinuteQuery(table: table, time: "created_at", amount: "total")
        #expect(throws: OrderSourceError("the answer of '\(try ClickHouseTestServer.address())' has more than 500 rows"
            + " (minutes, or group-minutes); give a shorter window (from/to) or fewer groups")) {
            try source.minuteRows(query, from: nil, through: nil)
        }
        source.maxRows = 2000
        #expect(try source.minuteRows(query, from: nil, through: nil).count > 500)
    }
}
