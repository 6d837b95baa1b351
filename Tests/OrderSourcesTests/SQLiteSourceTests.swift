import Foundation
import SaleData
import TemporaryFolders
import Testing
@testable import OrderSources

@Suite struct SQLiteSourceTests {
    let folder = TemporaryFolder("ordersources")

    static let zones: [(String, SaleSimulation.TimeFormat)] = [
        ("+08:00", .local), ("Europe/Berlin", .local), ("Europe/Berlin", .offset), ("America/New_York", .epoch),
        ("UTC", .offset),
    ]

    @Test(arguments: zones)
    func equalsTheCSVPath(zoneName: String, format: SaleSimulation.TimeFormat) throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone(zoneName)), format: format)
        let expected = try SimulatedSales.csvTable(sale)
        let source = try SQLiteSource(path: try SimulatedSales.sqliteFile(sale, in: folder))
        let query = try MinuteQuery(table: "orders", time: "created_at", amount: "total", customer: "customer",
                                    zone: sale.zone)
        let table = try source.minuteTable(query)
        #expect(table == expected)
        #expect(table.orders.reduce(0, +) == sale.orders().count)
    }

    @Test func windowAndFilterArePushedDown() throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone("Europe/Berlin")), format: .local)
        let path = try SimulatedSales.sqliteFile(sale, in: folder)
        let database = try SQLiteDatabase(path: path, mode: .readWrite)
        try database.execute("UPDATE orders SET status = 'refunded' WHERE order_id % 10 = 0")
        let window = sale.start + 600...sale.start + 659
        let query = try MinuteQuery(table: "orders", time: "created_at", amount: "total",
                                    where: "status = 'paid' and total > 0", window: window, zone: sale.zone)
        let table = try SQLiteSource(database: database).minuteTable(query)
        let kept = sale.orders().filter { window.contains($0.second / 60) && $0.id % 10 != 0 }
        #expect(table.start == window.lowerBound && table.count == 60)
        #expect(table.orders.reduce(0, +) == kept.count)
        #expect(table.totalCents == kept.reduce(0) { $0 + $1.cents })
        #expect(table.customers == nil)
    }

    @Test func injectionThroughValuesFindsNothingAndChangesNothing() throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .offset)
        let source = try SQLiteSource(path: try SimulatedSales.sqliteFile(sale, in: folder))
        for attempt in ["status = 'x'' or ''1''=''1'", "status = 'paid''); drop table orders; --'"] {
            let query = try MinuteQuery(table: "orders", time: "created_at", amount: "total", where: attempt)
            #expect(try source.minuteRows(query, from: nil, through: nil).isEmpty)
        }
        let count = try source.database.rows("SELECT count(*) FROM orders")
        #expect(count == [[.integer(Int64(sale.orders().count))]])
    }

    @Test func missingTableIsReported() throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .epoch)
        let path = try SimulatedSales.sqliteFile(sale, in: folder)
        let query = try MinuteQuery(table: "sales", time: "created_at", amount: "total")
        #expect(throws: OrderSourceError("no table 'sales' in 'sqlite:\(path)'")) {
            try SQLiteSource(path: path).minuteRows(query, from: nil, through: nil)
        }
    }

    /// A misspelled name would be read by SQLite as a string literal: revenue 0 or no minutes at all.
    @Test(arguments: [
        ("created_at", "totl", nil, nil, "no column 'totl' (amount)"),
        ("created", "total", nil, nil, "no column 'created' (time)"),
        ("created_at", "total", "buyer", nil, "no column 'buyer' (customer)"),
        ("created_at", "total", nil, "stauts = 'paid'", "no column 'stauts' (where)"),
    ] as [(String, String, String?, String?, String)])
    func misspelledColumnsAreNamedWithTheTablesColumns(time: String, amount: String, customer: String?,
                                                       filter: String?, message: String) throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .epoch)
        let source = try SQLiteSource(path: try SimulatedSales.sqliteFile(sale, in: folder))
        let query = try MinuteQuery(table: "orders", time: time, amount: amount, customer: customer, where: filter)
        #expect(throws: OrderSourceError(message + " in table 'orders' (columns: order_id, created_at, customer,"
                                         + " total, status)")) {
            try source.minuteRows(query, from: nil, through: nil)
        }
    }

    /// SQLite reads `29.11.2024 10:00` as no time (the row vanished) and `12,50` as 12 (summed wrong).
    @Test func valuesSQLiteCannotReadAreCountedAndNamed() throws {
        let path = folder.path + "/values.db"
        let database = try SQLiteDatabase(path: path, mode: .create)
        try database.execute("""
            CREATE TABLE orders (created_at, total, status);
            INSERT INTO orders VALUES ('2024-11-29 10:00:00', 12.5, 'paid'), ('29.11.2024 10:01', 3, 'paid'),
              ('2024-11-29 10:02:00', '12,50', 'paid'), ('2024-11-29 10:03:00', '1.234,50', 'paid'),
              ('2024-11-29 10:04:00', ' 7.25 ', 'paid'), ('bad', 'x', 'test');
            """)
        let source = SQLiteSource(database: database)
        let cases: [(String?, String)] = [
            (nil, "column 'created_at' of table 'orders' is not a time in 2 rows, such as '29.11.2024 10:01'"
                + " (ISO 8601 text or epoch seconds expected)"),
            ("status = 'paid' and created_at <> '29.11.2024 10:01'",
             "column 'total' of table 'orders' is not a number in 2 rows, such as '12,50'"),
        ]
        for (filter, message) in cases {
            let query = try MinuteQuery(table: "orders", time: "created_at", amount: "total", where: filter)
            #expect(throws: OrderSourceError(message)) { try source.minuteRows(query, from: nil, through: nil) }
        }
        let window = 28_881_240...28_881_244  // 2024-11-29 10:00 to 10:04 UTC
        let clean = try MinuteQuery(table: "orders", time: "created_at", amount: "total",
                                    where: "status = 'paid' and total <> '12,50' and total <> '1.234,50' and"
                                        + " created_at <> '29.11.2024 10:01'", window: window)
        #expect(try source.minuteTable(clean).revenueCents == [1250, 0, 0, 0, 725])
    }

    @Test func columnsMatchWithoutRegardToCase() throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .epoch)
        let source = try SQLiteSource(path: try SimulatedSales.sqliteFile(sale, in: folder))
        let query = try MinuteQuery(table: "main.ORDERS", time: "Created_At", amount: "TOTAL")
        #expect(try source.minuteTable(query).orders.reduce(0, +) == sale.orders().count)
    }

    @Test func oneColumnForTwoFieldsIsRefused() {
        #expect(throws: OrderSourceError("column 'total' is given for both time and amount")) {
            try MinuteQuery(table: "orders", time: "total", amount: "total")
        }
        #expect(throws: OrderSourceError("column 'Total' is given for both amount and customer")) {
            try MinuteQuery(table: "orders", time: "created_at", amount: "total", customer: "Total")
        }
    }

    @Test func sourcesOpenReadOnly() throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .epoch)
        let source = try SQLiteSource(path: try SimulatedSales.sqliteFile(sale, in: folder))
        #expect(throws: OrderSourceError.self) { try source.database.execute("DELETE FROM orders") }
    }

    @Test func missingFileIsReported() {
        #expect(throws: OrderSourceError("cannot open 'sqlite:/nonexistent/past.db': unable to open database file")) {
            try SQLiteSource(path: "/nonexistent/past.db")
        }
    }
}
