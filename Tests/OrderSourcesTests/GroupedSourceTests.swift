import Foundation
import SaleData
import TemporaryFolders
import Testing
@testable import OrderSources

/// The database's `GROUP BY group, minute` against the CSV reader's groups, on the same orders.
enum GroupedSales {
    /// The market of an order: three values, one padded with spaces, and empty (the group `(none)`).
    static func market(_ id: Int) -> String { ["DE", "FR", " US ", "", ""][id % 5] }

    /// SQL setting the status column to each order's market (NULL for the last, where `nulls`).
    static func marketSQL(nulls: Bool) -> String {
        "UPDATE %@ SET status = CASE order_id % 5 WHEN 0 THEN 'DE' WHEN 1 THEN 'FR' WHEN 2 THEN ' US ' WHEN 3 THEN ''"
            + " ELSE \(nulls ? "NULL" : "''") END"
    }

    /// The sale's total and groups as the CSV reader makes them from an export with a `country` column.
    static func csvGroups(_ sale: SaleSimulation, zones: [String: ShopZone] = [:]) throws -> GroupedOrders {
        let folder = TemporaryFolder("ordersources")
        defer { folder.remove() }
        var text = "order_id,order_time,customer,amount,country\n"
        for order in sale.orders() {
            text += "\(order.id),\(SimulatedSales.timeText(order, sale)),\(order.customerLabel),"
                + "\(Double(order.cents) / 100),\(market(order.id))\n"
        }
        var options = OrdersReadOptions()
        options.zone = sale.zone
        var grouping = OrderGrouping(.column("country"))
        grouping.zones = zones
        return try OrdersReader.read(path: try folder.write("orders.csv", text), options: options, grouping: grouping)
    }

    static func query(_ table: String, zone: ShopZone) throws -> MinuteQuery {
        try MinuteQuery(table: table, time: "created_at", amount: "total", customer: "customer", zone: zone, group: "status")
    }
}

@Suite struct GroupedSQLiteTests {
    let folder = TemporaryFolder("ordersources")

    @Test(arguments: [("Europe/Berlin", SaleSimulation.TimeFormat.local), ("+08:00", .offset), ("UTC", .epoch)])
    func groupsEqualTheCSVPath(zoneName: String, format: SaleSimulation.TimeFormat) throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone(zoneName)), format: format)
        let path = try SimulatedSales.sqliteFile(sale, in: folder)
        try SQLiteDatabase(path: path, mode: .readWrite).execute(
            GroupedSales.marketSQL(nulls: true).replacingOccurrences(of: "%@", with: "orders"))
        let zones = ["FR": try #require(ShopZone("Europe/Paris"))]
        var grouping = OrderGrouping(.column("status"))
        grouping.zones = zones
        let (total, groups) = try SQLiteSource(path: path).groupedTables(try GroupedSales.query("orders", zone: sale.zone),
                                                                         grouping: grouping)
        let expected = try GroupedSales.csvGroups(sale, zones: zones)
        #expect(total == expected.total.table)
        #expect(groups.map(\.name) == ["(none)", "DE", "FR", "US"])
        #expect(groups == expected.groups)
    }

    @Test func limitsAndNamesAreChecked() throws {
        let sale = SimulatedSales.sale(zone: .utc, format: .epoch)
        let source = try SQLiteSource(path: try SimulatedSales.sqliteFile(sale, in: folder))
        var grouping = OrderGrouping(.column("customer"))
        grouping.maxGroups = 10
        let query = try MinuteQuery(table: "orders", time: "created_at", amount: "total", group: "customer")
        #expect(throws: OrderSourceError.self) { try source.groupedTables(query, grouping: grouping) }
        do {
            _ = try source.groupedTables(query, grouping: grouping)
        } catch {
            #expect(error.message.hasSuffix("is one more than the 10 groups allowed by 'customer' in table 'orders':"
                + " raise the limit (max_groups; --max-groups on the command line) or group by a coarser column"))
        }
        #expect(throws: OrderSourceError("no column 'country' (group) in table 'orders' (columns: order_id, created_at,"
            + " customer, total, status)")) {
            try source.groupedTables(try MinuteQuery(table: "orders", time: "created_at", amount: "total", group: "country"),
                                     grouping: grouping)
        }
        for hostile in ["status; DROP TABLE orders", "\"status\"", "status--", "", "1status", "a.b"] {
            #expect(throws: OrderSourceError.self) {
                try MinuteQuery(table: "orders", time: "created_at", amount: "total", group: hostile)
            }
        }
    }
}

@Suite(PostgresTestServer.enabled) struct GroupedPostgresTests {
    @Test(arguments: [("Europe/Berlin", "timestamp with time zone", SaleSimulation.TimeFormat.offset),
                      ("Europe/Berlin", "timestamp without time zone", .local), ("UTC", "bigint", .epoch)])
    func groupsEqualTheCSVPath(zoneName: String, timeType: String, format: SaleSimulation.TimeFormat) throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone(zoneName)), format: format)
        let source = try PostgresTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { PostgresTestServer.drop(table, source: source) }
        try PostgresTestServer.load(sale, into: table, timeType: timeType, source: source)
        _ = try source.run(GroupedSales.marketSQL(nulls: false).replacingOccurrences(of: "%@", with: table), [])
        let (total, groups) = try source.groupedTables(try GroupedSales.query(table, zone: sale.zone),
                                                       grouping: OrderGrouping(.column("status")))
        let expected = try GroupedSales.csvGroups(sale)
        #expect(total == expected.total.table)
        #expect(groups.map(\.name) == ["(none)", "DE", "FR", "US"])
        #expect(groups == expected.groups)
    }
}
