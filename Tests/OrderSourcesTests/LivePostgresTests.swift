import Foundation
import SaleData
import Testing
@testable import OrderSources

@Suite(PostgresTestServer.enabled) struct LivePostgresTests {
    @Test func survivesATerminatedConnectionAndEqualsTheCSVPath() throws {
        let sale = SimulatedSales.sale(zone: try #require(ShopZone("Europe/Berlin")), format: .offset)
        let source = try PostgresTestServer.source()
        let table = PostgresTestServer.tableName()
        defer { PostgresTestServer.drop(table, source: source) }
        try PostgresTestServer.load(sale, into: table, timeType: "timestamptz", source: source)
        let window = sale.start...sale.start + sale.minutes - 1
        let query = try MinuteQuery(table: table, time: "created_at", amount: "total", customer: "customer",
                                    window: window, zone: sale.zone)
        let clock = TestClock((sale.start + 300) * 60 + 20)
        let pauses = PauseLog()
        let live = LiveOrderQuery(source: source, query: query, retry: pauses.policy, clock: { clock.seconds })
        #expect(try live.refresh().count == 301)

        let killer = try PostgresTestServer.source()
        _ = try killer.run("SELECT pg_terminate_backend($1)", [String(try #require(source.backendProcessID))])
        clock.seconds = (sale.start + sale.minutes + 5) * 60
        var reports: [String] = []
        let result = try live.refresh { reports.append($0) }
        #expect(live.lastRequest == sale.start + 300...window.upperBound)
        #expect(result == (try SimulatedSales.csvTable(sale)))
        #expect(pauses.pauses == [0.5])
        #expect(reports.count == 2 && reports.last == "live query on '\(table)': connection back after 1 retry")
        let password = try #require(try PostgresTestServer.address().password)
        #expect(reports.allSatisfy { !$0.contains(password) })
    }
}
