import Foundation
import SaleData
import SaleReports
import TemporaryFolders
import Testing

/// `LiveSale` opened from typed options: each refresh reads only what the export appended, and the
/// sale can be refreshed from another thread (it is Sendable without `@unchecked`).
@Suite struct LiveSaleTests {
    @TemporaryFolder("flashcast-live-sale") var folder

    /// Three orders in the sale's first two minutes: 10 and 20 per minute.
    func export() throws -> String {
        let path = folder.appendingPathComponent("live.csv").path
        try """
        order_id,order_time,customer,amount
        1,2021-05-20T00:00:10,a,4.00
        2,2021-05-20T00:00:50,b,6.00
        3,2021-05-20T00:01:20,a,20.00

        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func open(_ path: String) throws -> LiveSale {
        var options = LiveSaleOptions(source: .export(path: path, reading: OrdersReadOptions()))
        options.plan.length = 5
        options.plan.target = 100
        return try LiveSale.open(options)
    }

    @Test func eachRefreshReadsOnlyTheAppendedOrders() throws {
        let path = try export()
        let sale = try open(path)
        #expect(sale.path == path && sale.source == path)
        let first = try sale.refresh()
        #expect((first.minute, first.minutes, first.revenue, first.newOrders) == (2, 5, 30, 3))
        #expect(first.text.hasPrefix("now 2021-05-20 00:01 (UTC): minute 2 of 5 (40.0%)\nrevenue so far   30   +30 from 3 new orders"))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("4,2021-05-20T00:02:30,c,15.00\n".utf8))
        try handle.close()
        let second = try sale.refresh()
        #expect((second.minute, second.revenue, second.newOrders, second.newRevenue) == (3, 45, 1, 15))
        #expect(sale.status?.revenue == 45 && sale.observed?.orders == 4)
    }

    @Test func aSaleIsRefreshedFromAnotherThread() async throws {
        let sale = try open(try export())
        let status = try await Task.detached { try sale.refresh() }.value
        #expect(status.revenue == 30 && sale.observed?.revenue.values == [10, 20])
    }
}
