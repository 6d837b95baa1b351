import TemporaryFolders
import Testing
@testable import SaleData

@Suite struct LiveOrdersTests {
    @Test func refreshReadsOnlyAppendedRowsAndWaitsForTruncatedLines() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try folder.write("live.csv", "order_id,order_time,amount\n1,2021-05-20T14:03:00,1\n2,2021-05-20T14:0")
        let live = LiveOrders(path: path)
        var result = try live.refresh()
        #expect(result.table.revenueCents == [100])
        #expect(live.offset == 51)
        try folder.append("live.csv", "4:00,2\n3,2021-05-20T14:05:00,4\n")
        result = try live.refresh()
        #expect(result.table.revenueCents == [100, 200, 400])
        #expect(result.report.rows == 3)
        result = try live.refresh()
        #expect(result.table.revenueCents == [100, 200, 400])
    }

    @Test func anOrderIdSeenInAnEarlierRefreshCountsOnce() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try folder.write("live.csv", "order_id,order_time,amount\n1,2021-05-20T14:03:00,1\n")
        let live = LiveOrders(path: path)
        #expect(try live.refresh().table.revenueCents == [100])
        try folder.append("live.csv", "1,2021-05-20T14:05:00,1\n2,2021-05-20T14:05:00,2\n")
        let result = try live.refresh()
        #expect(result.table.revenueCents == [100, 0, 200])
        #expect(result.report.duplicates == 1)
    }

    @Test func aHeaderStillBeingWrittenGivesAnEmptyTable() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try folder.write("live.csv", "order_id,order_ti")
        let live = LiveOrders(path: path)
        #expect(try live.refresh().table.count == 0)
        try folder.append("live.csv", "me,amount\r")
        #expect(try live.refresh().table.count == 0)
        try folder.append("live.csv", "\n1,2021-05-20T14:03:00,1\r\n")
        #expect(try live.refresh().table.revenueCents == [100])
    }

    @Test func aShrunkFileIsReadAgain() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try folder.write("live.csv", "order_time,amount\n2021-05-20T14:03:00,1\n2021-05-20T14:04:00,1\n")
        let live = LiveOrders(path: path)
        #expect(try live.refresh().table.orders == [1, 1])
        try folder.write("live.csv", "order_time,amount\n2021-05-20T14:09:00,3\n")
        #expect(try live.refresh().table.revenueCents == [300])
    }

    @Test func aBadRowIsReportedAgainUntilFixed() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try folder.write("live.csv", "order_time,amount\n2021-05-20T14:03:00,1\n2021-05-20T14:03:00,x\n")
        let live = LiveOrders(path: path)
        let error = OrdersError(file: "live.csv", line: 3, column: 2, reason: "amount is not a number: 'x'")
        #expect(throws: error) { try live.refresh() }
        #expect(throws: error) { try live.refresh() }
        try folder.write("live.csv", "order_time,amount\n2021-05-20T14:03:00,1\n2021-05-20T14:03:00,2\n")
        #expect(try live.refresh().table.revenueCents == [300])
    }
}
