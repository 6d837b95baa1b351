import Foundation
import SaleData
import TemporaryFolders
import Testing
@testable import OrderSources

/// A sale followed in its database by group: each refresh asks only for the new minutes, by group as
/// well as for the total, and the groups equal the CSV reader's on the same orders.
enum LiveGroupedSales {
    /// Follows `table` (the sale's orders, their markets in `status`) in two refreshes, 300 minutes
    /// in and past the end.
    static func followedEqualsTheCSVPath(_ source: any OrderSource, table: String, sale: SaleSimulation) throws {
        let window = sale.start...sale.start + sale.minutes - 1
        var query = try GroupedSales.query(table, zone: sale.zone)
        query.window = window
        let zones = ["FR": try #require(ShopZone("Europe/Paris"))]
        var grouping = OrderGrouping(.column("status"))
        grouping.zones = zones
        let clock = TestClock((sale.start + 300) * 60 + 20)
        let live = LiveOrderQuery(source: source, query: query, groups: (try SQLIdentifier("status", role: "group column"), grouping),
                                  retry: PauseLog().policy, clock: { clock.seconds })
        try live.refresh()
        #expect(live.groups.map(\.name) == ["(none)", "DE", "FR", "US"])
        #expect(live.groups.allSatisfy { $0.table.count == 301 })
        clock.seconds = (sale.start + sale.minutes + 5) * 60
        let total = try live.refresh()
        #expect(live.lastRequest == sale.start + 300...window.upperBound)
        let expected = try GroupedSales.csvGroups(sale, zones: zones)
        #expect(total == expected.total.table)
        #expect(live.groups == expected.groups)
    }
}

@Suite struct LiveGroupedQueryTests {
    let folder = TemporaryFolder("ordersources")

    @Test func sqliteEqualsTheCSVPath() throws {
        defer { folder.remove() }
        let sale = SimulatedSales.sale(zone: .utc, format: .epoch)
        let path = try SimulatedSales.sqliteFile(sale, in: folder)
        try SQLiteDatabase(path: path, mode: .readWrite).execute(
            GroupedSales.marketSQL(nulls: true).replacingOccurrences(of: "%@", with: "orders"))
        try LiveGroupedSales.followedEqualsTheCSVPath(try SQLiteSource(path: path), table: "orders", sale: sale)
    }

    @Test func onlyTheNewMinutesAreAskedForByGroup() throws {
        let source = ScriptedSource()
        source.rows = [MinuteRow(minute: 1000, cents: 100, orders: 1, customers: 0, group: "DE"),
                       MinuteRow(minute: 1002, cents: 50, orders: 1, customers: 0, group: "US")]
        let clock = TestClock(1003 * 60 + 30)
        let query = try MinuteQuery(table: "orders", time: "t", amount: "a", window: 1000...1100)
        let live = LiveOrderQuery(source: source, query: query,
                                  groups: (try SQLIdentifier("market", role: "group column"), OrderGrouping(.column("market"))),
                                  retry: PauseLog().policy, clock: { clock.seconds })
        try live.refresh()
        source.rows.append(MinuteRow(minute: 1004, cents: 7, orders: 1, customers: 0, group: "DE"))
        clock.seconds = 1005 * 60 + 30
        let total = try live.refresh()
        #expect(source.requests.map(\.from) == [1000, 1000, 1003, 1003])
        #expect(source.requests.map(\.group) == [nil, "market", nil, "market"])
        #expect(total.revenueCents == [100, 0, 50, 0, 7, 0])
        #expect(live.groups.map(\.name) == ["DE", "US"])
        #expect(live.groups.map(\.table.revenueCents) == [[100, 0, 0, 0, 7, 0], [0, 0, 50, 0, 0, 0]])
    }
}

@Suite(PostgresTestServer.enabled) struct LiveGroupedPostgresTests {
    @Test func equalsTheCSVPath() throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone("Europe/Berlin")), format: .offset)
        let source = try PostgresTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { PostgresTestServer.drop(table, source: source) }
        try PostgresTestServer.load(sale, into: table, timeType: "timestamptz", source: source)
        _ = try source.run(GroupedSales.marketSQL(nulls: false).replacingOccurrences(of: "%@", with: table), [])
        try LiveGroupedSales.followedEqualsTheCSVPath(source, table: table, sale: sale)
    }
}

@Suite(ClickHouseTestServer.enabled) struct LiveGroupedClickHouseTests {
    @Test func equalsTheCSVPath() throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone("Europe/Berlin")), format: .offset)
        let source = try ClickHouseTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { ClickHouseTestServer.drop(table, source: source) }
        try ClickHouseTestServer.load(sale, into: table, timeType: "DateTime", source: source) { id in
            id % 5 == 4 ? nil : GroupedSales.market(id)
        }
        try LiveGroupedSales.followedEqualsTheCSVPath(source, table: table, sale: sale)
    }
}
