import TemporaryFolders
import Testing
@testable import SaleData

/// Reads CSV text written to a temporary `orders.csv`.
func readOrders(_ text: String, _ configure: (inout OrdersReadOptions) -> Void = { _ in }) throws -> OrdersResult {
    var options = OrdersReadOptions()
    configure(&options)
    let folder = TemporaryFolder("saledata")
    defer { folder.remove() }
    return try OrdersReader.read(path: folder.write("orders.csv", text), options: options)
}

@Suite struct OrdersReaderTests {
    @Test func aggregatesMinutesWithZerosAndCumulativeCents() throws {
        let result = try readOrders("""
            order_id,order_time,customer,amount
            1,2021-05-20T14:03:00,a,10.10
            2,2021-05-20T14:03:59.999,b,0.2
            3,2021-05-20T14:03:30,a,5
            4,2021-05-20T14:06:00,c,1.005

            """)
        let table = result.table
        #expect(table.start == may20 / 60)
        #expect(table.revenueCents == [1530, 0, 0, 101])
        #expect(table.orders == [3, 0, 0, 1])
        #expect(table.customers == [2, 0, 0, 1])
        #expect(table.cumulativeCents == [1530, 1530, 1530, 1631])
        #expect(table.cumulative.values == [15.3, 15.3, 15.3, 16.31])
        #expect(result.report == ReadReport(rows: 4, orders: 4))
        #expect(String(decoding: table.csvData(), as: UTF8.self) == """
            minute,revenue,orders,customers,cumulative
            2021-05-20T14:03,15.30,3,2,15.30
            2021-05-20T14:04,0.00,0,0,15.30
            2021-05-20T14:05,0.00,0,0,15.30
            2021-05-20T14:06,1.01,1,1,16.31

            """)
        #expect(String(decoding: table.csvData(step: 5), as: UTF8.self) == """
            minute,revenue,orders,cumulative
            2021-05-20T14:00,15.30,3,15.30
            2021-05-20T14:05,1.01,1,16.31

            """)
    }

    @Test func intervalsFollowTheShopClockInHalfHourZones() throws {
        let result = try readOrders("order_time,amount\n2021-05-20 10:29:59,1\n2021-05-20 10:30:00,2\n2021-05-20 11:31,4\n") {
            $0.zone = ShopZone("+05:30") ?? .utc
        }
        #expect(String(decoding: result.table.csvData(step: 60), as: UTF8.self) == """
            minute,revenue,orders,cumulative
            2021-05-20T10:00,3.00,2,3.00
            2021-05-20T11:00,4.00,1,7.00

            """)
    }

    @Test func aGivenDelimiterOverridesDetection() throws {
        let text = "order_time|amount\n2021-05-20T14:03:00|2.5\n"
        #expect(try readOrders(text) { $0.delimiter = UInt8(ascii: "|") }.table.revenueCents == [250])
        #expect(throws: OrdersError(file: "orders.csv", line: 1, column: 1,
                                    reason: "no column for order time: expected 'order_time'")) {
            try readOrders(text)
        }
    }

    @Test func unsortedInputGivesTheSameTable() throws {
        let sorted = try readOrders("order_id,order_time,amount\n1,2021-05-20T14:03:00,1\n2,2021-05-20T14:05:00,2\n3,2021-05-20T14:05:10,3\n")
        let shuffled = try readOrders("order_id,order_time,amount\n3,2021-05-20T14:05:10,3\n1,2021-05-20T14:03:00,1\n2,2021-05-20T14:05:00,2\n")
        #expect(sorted.table == shuffled.table)
        #expect(sorted.table.customers == nil)
    }

    /// A minute's customers are forgotten once the file is an hour past it; an order that comes
    /// back to it later makes the reader count again keeping them, so counts stay exact.
    @Test func customersStayExactWhenARowReturnsToALongPassedMinute() throws {
        let later = (1...100).map { "\($0 + 10),2021-05-20T\(14 + $0 / 60):\(String(format: "%02d", $0 % 60)):00,x,1\n" }
        let header = "order_id,order_time,customer,amount\n"
        let early = "0,2021-05-20T12:00:00,z,1\n1,2021-05-20T14:00:00,a,1\n2,2021-05-20T14:00:30,b,1\n"
        let returning = "3,2021-05-20T14:00:10,a,1\n4,2021-05-20T14:00:20,c,1\n"
        let late = try readOrders(header + early + later.joined() + returning)
        let sorted = try readOrders(header + early + returning + later.joined())
        #expect(late.table.customers?[120] == 3)
        #expect(late.table == sorted.table)
    }

    @Test func theShopZoneDecidesMinutesOfLocalTimes() throws {
        let text = "order_id,order_time,amount\n1,2021-05-20 22:03:10,1\n2,2021-05-20T14:04:00Z,2\n3,1621519500,4\n"
        let result = try readOrders(text) { $0.zone = ShopZone("Asia/Shanghai") ?? .utc }
        #expect(result.table.start == may20 / 60)
        #expect(result.table.revenueCents == [100, 200, 400])
        #expect(result.table.zone.label(minute: result.table.start) == "2021-05-20T22:03")
        let utc = try readOrders(text)
        #expect(utc.table.count == 8 * 60)
    }

    @Test func duplicatesCountOnceAndAreReported() throws {
        let result = try readOrders("""
            order_id,order_time,customer,amount
            A1,2021-05-20T14:03:00,x,10
            A2,2021-05-20T14:03:20,y,20
            A1,2021-05-20T14:03:00,x,10
            A1,2021-05-20T14:03:00,x,10
            """)
        #expect(result.table.revenueCents == [3000])
        #expect(result.table.orders == [2])
        #expect(result.report.duplicates == 2)
        #expect(result.report.examples["duplicate order id"] == [
            "orders.csv:4:1: order id 'A1' seen before", "orders.csv:5:1: order id 'A1' seen before",
        ])
        #expect(result.report.description == "read 4 rows: 2 orders, 2 duplicates")
    }

    /// A re-sent order keeps its id but may carry a later time: it still counts once.
    @Test func duplicatesCountOnceAcrossTheWholeFile() throws {
        let result = try readOrders("""
            order_id,order_time,amount
            A1,2021-05-20T14:03:00,10
            A2,2021-05-20T14:04:00,20
            A1,2021-05-20T16:59:00,10
            A2,2021-05-21T09:00:00,20
            """)
        #expect(result.table.revenueCents == [1000, 2000])
        #expect(result.report.duplicates == 2)
        #expect(result.report.examples["duplicate order id"] == [
            "orders.csv:4:1: order id 'A1' seen before", "orders.csv:5:1: order id 'A2' seen before",
        ])
    }

    /// Integer ids are kept as bits, others as hashes: every distinct text stays a distinct id.
    @Test func idsThatLookAlikeAreStillDistinct() throws {
        let ids = ["7", "07", "007", "x7", "63", "64", "1000000000000000000", "999999999999999999", "7", "64", "x7"]
        let text = "order_id,order_time,amount\n" + ids.map { "\($0),2021-05-20T14:03:00,1\n" }.joined()
        let result = try readOrders(text)
        #expect(result.report.orders == 8)
        #expect(result.report.duplicates == 3)
        var aggregator = OrdersAggregator()
        #expect(ids.map { aggregator.add(second: may20, cents: 1, id: $0) } == ids.indices.map { $0 < 8 })
    }

    @Test func cancelledAndRefundedOrdersAreExcludedAndCounted() throws {
        let result = try readOrders("""
            order_id,order_time,amount,status
            1,2021-05-20T14:03:00,10,paid
            2,2021-05-20T14:03:00,20,Cancelled
            3,2021-05-20T14:03:00,oops,refunded
            4,2021-05-20T14:03:00,40,REFUNDED
            """)
        #expect(result.table.revenueCents == [1000])
        #expect(result.report.excluded == ["cancelled": 1, "refunded": 2])
        #expect(result.report.description == "read 4 rows: 1 orders, 3 excluded (cancelled 1, refunded 2)")
    }

    @Test func currenciesAreConvertedWithTheRateTable() throws {
        let result = try readOrders("""
            order_id,order_time,amount,currency
            1,2021-05-20T14:03:00,10.00,EUR
            2,2021-05-20T14:03:00,1000,jpy
            3,2021-05-20T14:03:00,2.50,
            4,2021-05-20T14:03:00,1.00,USD
            """) { $0.rates = CurrencyRates(reporting: "usd", rates: ["EUR": 1.2, "JPY": 0.0091]) }
        // 10 EUR = 12.00, 1000 JPY = 9.10, 2.50 and 1.00 USD.
        #expect(result.table.revenueCents == [1200 + 910 + 250 + 100])
    }

    @Test func readsExportDialects() throws {
        let expected = [Int64(1250 + 300)]
        let variants = [
            "\u{FEFF}order_id,order_time,amount\r\n1,2021-05-20T14:03:00,12.50\r\n2,2021-05-20T14:03:05,3\r\n",
            "order_id;order_time;amount\n1;2021-05-20T14:03:00;12.50\n2;2021-05-20T14:03:05;3",
            "order_id\torder_time\tamount\n1\t2021-05-20T14:03:00\t12.50\n2\t2021-05-20T14:03:05\t3\n",
            "\"order_id\",\"order_time\",\"amount\"\n\"1\",\"2021-05-20T14:03:00\",\" 12.50 \"\n2,2021-05-20T14:03:05,3\n",
            "order_id,order_time,amount\r1,2021-05-20T14:03:00,12.50\r2,2021-05-20T14:03:05,3\r",
        ]
        for text in variants {
            #expect(try readOrders(text).table.revenueCents == expected, "\(text.debugDescription)")
        }
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let result = try readOrders("""
            order_id,note,order_time,customer,amount
            1,"hello, ""world""
            second line",2021-05-20T14:03:00,"a@x.org",1
            2,plain,2021-05-20T14:03:00,"a@x.org",2
            3,"",2021-05-20T14:03:00,b@x.org,bad
            """) { $0.lenient = true }
        #expect(result.table.revenueCents == [300])
        #expect(result.table.customers == [1])
        #expect(result.report.examples["amount is not a number"] == ["orders.csv:5:5: amount is not a number: 'bad'"])
    }

    @Test func columnsCanBeMapped() throws {
        let result = try readOrders("id,created_at,buyer,total\n7,2021-05-20T14:03:00,z,9.99\n") {
            $0.columns = OrderColumns(orderID: "id", time: "created_at", customer: "buyer", amount: "total")
        }
        #expect(result.table.revenueCents == [999])
        #expect(result.table.customers == [1])
    }

    @Test func theWindowFixesTheMinutesAndCountsOrdersOutside() throws {
        let text = "order_time,amount\n2021-05-20T14:03:00,1\n2021-05-20T14:05:00,2\n2021-05-20T15:00:00,4\n"
        let result = try readOrders(text) { $0.window = (may20 / 60 - 1)...(may20 / 60 + 2) }
        #expect(result.table.revenueCents == [0, 100, 0, 200])
        #expect(result.report.outsideWindow == 1)
        let empty = try readOrders("order_time,amount\n")
        #expect(empty.table.count == 0)
        #expect(empty.report.rows == 0)
    }

    @Test func strictModeStopsAtTheFirstBadRow() {
        #expect(throws: OrdersError(file: "orders.csv", line: 3, column: 2, reason: "amount is not a number: '12.5.'")) {
            try readOrders("order_time;amount\n2021-05-20T14:03:00;12.5\n2021-05-20T14:03:00;12.5.\n")
        }
    }

    @Test func lenientModeCountsReasonsAndKeepsTheFirstExamples() throws {
        var text = "order_id,order_time,amount\n"
        for row in 0..<5 { text += "\(row),2021-05-20T14:03:00,\(row)x\n" }
        text += "9,noon,1\n10,2021-05-20T14:03:00,7\n"
        let result = try readOrders(text) { $0.lenient = true }
        #expect(result.table.revenueCents == [700])
        #expect(result.report.skipped == ["amount is not a number": 5, "order time is not a timestamp": 1])
        #expect(result.report.examples["amount is not a number"]?.count == 3)
        #expect(result.report.examples["amount is not a number"]?.first == "orders.csv:2:3: amount is not a number: '0x'")
        #expect(result.report.examples["order time is not a timestamp"] == ["orders.csv:7:2: order time is not a timestamp: 'noon'"])
        #expect(result.report.skippedTotal == 6)
    }
}
