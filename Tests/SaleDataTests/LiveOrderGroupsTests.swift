import Foundation
import TemporaryFolders
import Testing
@testable import SaleData

/// An export followed by groups: each refresh reads only the appended bytes, by groups as well, and
/// the groups equal a whole read of the same export.
@Suite struct LiveOrderGroupsTests {
    @Test func groupsGrowFromTheAppendedRowsOnly() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        var sale = SaleSimulation()
        sale.minutes = 600
        sale.expectedOrders = 3000
        let whole = try folder.write("whole.csv", "")
        try MarketSimulation(sale: sale).write(to: whole)
        let text = try String(contentsOfFile: whole, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let half = lines.prefix(lines.count / 2).joined(separator: "\n") + "\n"
        let path = try folder.write("live.csv", half)
        var options = OrdersReadOptions()
        options.rates = MarketSimulation().rates
        var grouping = OrderGrouping(.column("country"))
        grouping.zones = ["DE": try #require(ShopZone("Europe/Berlin"))]
        let live = LiveOrders(path: path, options: options, grouping: grouping)
        _ = try live.refresh()
        #expect(live.groups.map(\.name) == ["BR", "DE", "JP", "US"])
        #expect(live.groups.first { $0.name == "DE" }?.table.zone == ShopZone("Europe/Berlin"))
        // Rows already read are not read again: a market renamed in place leaves the groups as they were.
        let renamed = half.replacingOccurrences(of: ",DE\n", with: ",XX\n")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(renamed.utf8))
        try handle.close()
        try folder.append("live.csv", String(text.dropFirst(half.count)))
        let result = try live.refresh()
        let expected = try OrdersReader.read(path: whole, options: options, grouping: grouping)
        #expect(result.table == expected.total.table)
        #expect(live.groups == expected.groups)
        #expect(OrderGroup.sortedByName(live.groups).map(\.table.totalCents).reduce(0, +) == result.table.totalCents)
    }

    @Test func aColumnTheExportLacksIsNamedAtTheFirstRefresh() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = try folder.write("live.csv", "order_id,order_time,amount\n1,2021-05-20T14:03:00,1\n")
        let live = LiveOrders(path: path, grouping: OrderGrouping(.column("country")))
        #expect(throws: OrdersError(file: "live.csv", line: 1, column: 1,
                                    reason: "no column 'country' to group by (columns: order_id, order_time, amount)")) {
            try live.refresh()
        }
    }
}
