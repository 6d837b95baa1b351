import Testing
@testable import SaleData

@Suite struct OrdersAggregatorTests {
    @Test func aggregatesLikeTheReader() throws {
        var aggregator = OrdersAggregator()
        let counted = [
            aggregator.add(second: may20 + 5, cents: 1010, id: "1", customer: "a"),
            aggregator.add(second: may20 + 59, cents: 20, id: "2", customer: "b"),
            aggregator.add(second: may20 + 59, cents: 20, id: "2", customer: "b"),
            aggregator.add(second: may20 + 180, cents: 5, id: "3", customer: "a"),
        ]
        #expect(counted == [true, true, false, true])
        let table = try aggregator.table()
        let reread = try readOrders("""
            order_id,order_time,customer,amount
            1,2021-05-20T14:03:05,a,10.10
            2,2021-05-20T14:03:59,b,0.20
            2,2021-05-20T14:03:59,b,0.20
            3,2021-05-20T14:06:00,a,0.05

            """) { $0.lenient = true }
        #expect(table == reread.table)
        #expect(table.revenueCents == [1030, 0, 0, 5])
        #expect(aggregator.report.description == "read 4 rows: 3 orders, 1 duplicates")
        #expect(aggregator.report.examples["duplicate order id"] == ["row 3: order id '2' seen before"])
    }

    @Test func theWindowKeepsItsMinutesAndCountsTheRest() throws {
        let first = may20 / 60
        var aggregator = OrdersAggregator(zone: ShopZone("+08:00") ?? .utc, window: first...(first + 2))
        aggregator.add(second: may20 - 1, cents: 100)
        aggregator.add(second: may20 + 61, cents: 200)
        aggregator.add(second: may20 + 180, cents: 400)
        let table = try aggregator.table()
        #expect(table.revenueCents == [0, 200, 0])
        #expect(table.customers == nil)
        #expect(aggregator.report.outsideWindow == 2)
        #expect(table.zone.label(minute: table.start) == "2021-05-20T22:03")
    }
}
