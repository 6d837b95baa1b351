import Foundation
import TemporaryFolders
import Testing
@testable import SaleData

/// Reads CSV text written to a temporary `orders.csv`, grouped.
func readGroups(_ text: String, _ grouping: OrderGrouping,
                _ configure: (inout OrdersReadOptions) -> Void = { _ in }) throws -> GroupedOrders {
    var options = OrdersReadOptions()
    configure(&options)
    let folder = TemporaryFolder("saledata")
    defer { folder.remove() }
    return try OrdersReader.read(path: folder.write("orders.csv", text), options: options, grouping: grouping)
}

@Suite struct GroupedReadTests {
    static let orders = """
        order_id,order_time,customer,amount,country
        1,2021-05-20T14:03:00,a,10.10,DE
        2,2021-05-20T14:03:30,b,0.20,US
        2,2021-05-20T14:04:00,b,0.20,FR
        3,2021-05-20T14:05:00,c,5,DE
        4,2021-05-20T14:06:00,a,1,
        5,2021-05-20T14:06:10,d,2,cancelled-but-kept

        """

    @Test func groupsAddUpToTheTotalWhichIsUnchanged() throws {
        let grouped = try readGroups(Self.orders, OrderGrouping(.column("Country")))
        let plain = try readOrders(Self.orders)
        #expect(grouped.total == plain)
        #expect(grouped.groups.map(\.name) == ["(none)", "DE", "US", "cancelled-but-kept"])
        #expect(grouped.group("DE")?.table.revenueCents == [1010, 0, 500, 0])
        #expect(grouped.group("US")?.table.revenueCents == [20, 0, 0, 0])
        #expect(grouped.group("(none)")?.table.orders == [0, 0, 0, 1])
        for group in grouped.groups { #expect(group.table.start == plain.table.start && group.table.count == 4) }
        var sum = [Int64](repeating: 0, count: 4)
        for group in grouped.groups { for i in 0..<4 { sum[i] += group.table.revenueCents[i] } }
        #expect(sum == plain.table.revenueCents)
        #expect(grouped.by == "'Country'")
    }

    @Test func theLongCSVListsEachGroupsMinutes() throws {
        let grouped = try readGroups("order_time,amount,market\n2021-05-20T14:03,1,\"A,B\"\n2021-05-20T14:04,2,C\n",
                                     OrderGrouping(.column("market")))
        #expect(String(decoding: grouped.csvData(), as: UTF8.self) == """
            group,minute,revenue,orders,cumulative
            "A,B",2021-05-20T14:03,1.00,1,1.00
            "A,B",2021-05-20T14:04,0.00,0,1.00
            C,2021-05-20T14:03,0.00,0,0.00
            C,2021-05-20T14:04,2.00,1,2.00

            """)
    }

    @Test func aGroupsZoneLabelsItsSeriesButNotTheLongCSV() throws {
        var grouping = OrderGrouping(.column("market"))
        grouping.zones = ["A": ShopZone("+01:00") ?? .utc]
        let grouped = try readGroups("order_time,amount,market\n2021-05-20T14:03,1,A\n2021-05-20T14:04,2,B\n", grouping)
        #expect(grouped.group("A")?.table.zone == ShopZone("+01:00"))
        #expect(grouped.group("B")?.table.zone == .utc)
        #expect(String(decoding: grouped.csvData(), as: UTF8.self).contains("A,2021-05-20T14:03,1.00"))
    }

    @Test func aFunctionOfTheRowGroups() throws {
        let grouped = try readGroups(Self.orders, OrderGrouping(.function { row in
            (Double(row["amount"] ?? "") ?? 0) >= 5 ? "big" : "small"
        }))
        #expect(grouped.groups.map(\.name) == ["big", "small"])
        #expect(grouped.group("big")?.table.totalCents == 1510)
        #expect(grouped.by == "a function")
    }

    @Test func whatTheFunctionThrowsStopsTheReadUnchanged() throws {
        struct Refusal: Error, Equatable {}
        #expect(throws: Refusal()) {
            try readGroups(Self.orders, OrderGrouping(.function { row in
                if row.line == 3 { throw Refusal() }
                return "x"
            }))
        }
    }

    @Test func errorsNameTheColumnOrTheRow() throws {
        #expect(throws: OrdersError(file: "orders.csv", line: 1, column: 1,
                                    reason: "no column 'region' to group by (columns: order_id, order_time, customer, amount, country)")) {
            try readGroups(Self.orders, OrderGrouping(.column("region")))
        }
        var grouping = OrderGrouping(.column("country"))
        grouping.maxGroups = 2
        #expect(throws: OrdersError(file: "orders.csv", line: 6, column: 1,
                                    reason: "group '(none)' is one more than the 2 groups allowed by 'country':"
                                        + " raise the limit (max_groups; --max-groups on the command line) or group by a coarser key")) {
            try readGroups(Self.orders, grouping) { $0.lenient = true }
        }
        grouping.maxGroups = 10
        grouping.maxCells = 7
        #expect(throws: OrdersFileError(description: "orders.csv: 4 groups by 'country' over 4 minutes are more than the"
            + " 7 group-minutes the reading may hold; give a shorter window (from/to) or fewer groups")) {
            try readGroups(Self.orders, grouping)
        }
    }

    @Test func aLargeFileReadInHalvesGroupsAsASerialRead() throws {
        var text = "order_id,order_time,customer,amount,sku\n"
        for index in 0..<300_000 {
            text += "\(index),2021-05-20T\(10 + index / 60_000):\(String(format: "%02d", index / 1000 % 60)):00,c\(index % 977),"
                + "\(index % 13).5,s\(index % 7)\n"
        }
        let halves = try readGroups(text, OrderGrouping(.column("sku")))
        let serial = try readGroups(text, OrderGrouping(.column("sku"))) { $0.threads = 1 }
        #expect(halves == serial)
        #expect(halves.groups.count == 7)
    }
}
