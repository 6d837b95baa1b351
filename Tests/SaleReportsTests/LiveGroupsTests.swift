import Foundation
@testable import OrderSources
import SaleData
import SaleReports
import TemporaryFolders
import Testing

/// A followed sale broken down by market: the status says first which market is behind.
@Suite struct LiveGroupsTests {
    @TemporaryFolder("flashcast-live-groups") var folder

    /// The four example markets over two days, with every other US order dropped from the sale's
    /// minute 1700 on: the US falls behind its forecast.
    func export() throws -> String {
        var sale = SaleSimulation()
        sale.minutes = 2880
        sale.expectedOrders = 12000
        sale.seed = 3
        let path = folder.appendingPathComponent("markets.csv").path
        try MarketSimulation(sale: sale).write(to: path)
        let cut = "2021-05-21 04:20"  // the sale's minute 1700
        var kept = 0
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { line in
            guard line.hasSuffix(",US"), String(line.split(separator: ",")[1]) >= cut else { return true }
            kept += 1
            return kept % 2 == 0
        }
        #expect(kept > 100)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func open(_ path: String, by column: String? = "country") throws -> LiveSale {
        var reading = OrdersReadOptions()
        reading.rates = MarketSimulation().rates
        var options = LiveSaleOptions(source: .export(path: path, reading: reading))
        options.plan.length = 2880
        options.plan.now = SaleSimulation().start + 1760
        options.groups = column.map { LiveGrouping(column: $0) }
        return try LiveSale.open(options)
    }

    @Test func theMarketBehindComesFirst() throws {
        let sale = try open(try export())
        let status = try sale.refresh()
        let groups = try #require(status.groups)
        #expect(groups.groups.map(\.name).sorted() == ["BR", "DE", "JP", "US"])
        #expect(groups.groups.first?.name == "US")
        #expect(groups.behind.first?.name == "US")
        #expect(groups.total.since == "2021-05-21T04:20" && groups.total.label == "2021-05-21T05:20")
        let lines = status.text.split(separator: "\n")
        #expect(lines[1].hasPrefix("groups           behind their forecast from 2021-05-21T04:20 to 2021-05-21T05:20: US "))
    }

    @Test func withoutGroupsTheStatusIsAsBefore() throws {
        let status = try open(try export(), by: nil).refresh()
        #expect(status.groups == nil && status.groupsNote == nil)
        #expect(status.text.split(separator: "\n")[1].hasPrefix("revenue so far"))
    }

    @Test func aDatabaseSaleIsGroupedByTheDatabase() throws {
        let export = try export()
        let path = folder.appendingPathComponent("shop.db").path
        let database = try SQLiteDatabase(path: path, mode: .create)
        try database.execute("CREATE TABLE orders (created_at TEXT, total REAL, country TEXT); BEGIN")
        let insert = try database.prepare("INSERT INTO orders VALUES (?1, ?2, ?3)")
        let rates = MarketSimulation().rates
        for line in try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let amount = (Double(fields[3]) ?? .nan) * (rates.rate(of: fields[4]) ?? .nan)
            try insert.bind([.text(fields[1]), .real(amount), .text(fields[5])])
            _ = try insert.step()
        }
        try database.execute("COMMIT")
        let query = try MinuteQuery(table: "orders", time: "created_at", amount: "total", zone: OrdersReadOptions().zone)
        var options = LiveSaleOptions(source: .database(.sqlite(path: path), query: query, from: nil))
        options.plan.length = 2880
        options.plan.now = SaleSimulation().start + 1760
        options.groups = LiveGrouping(column: "country")
        let fromDatabase = try LiveSale.open(options).refresh()
        let fromExport = try open(export).refresh()
        let groups = try #require(fromDatabase.groups), expected = try #require(fromExport.groups)
        #expect(groups.groups.map(\.name) == expected.groups.map(\.name))
        #expect(groups.behind.first?.name == "US")
        #expect(abs(fromDatabase.revenue - fromExport.revenue) < 1)
        for (group, other) in zip(groups.groups, expected.groups) {
            #expect(abs(group.behind - other.behind) < 0.01 * other.expected, "\(group.name)")
        }
    }

    @Test func aBadGroupColumnIsRefusedBeforeTheDatabaseIsAsked() throws {
        let query = try MinuteQuery(table: "orders", time: "created_at", amount: "total", zone: .utc)
        var options = LiveSaleOptions(source: .database(.sqlite(path: "shop.db"), query: query, from: nil))
        options.groups = LiveGrouping(column: "country; DROP TABLE orders")
        #expect(throws: LiveSaleOpenError.self) { try LiveSale.open(options) }
    }

    /// With thousands of groups (SKUs) a group seen for the first time made every refresh forecast all
    /// of them again (40 of 60 refreshes of the 1,000-SKU sale); a new group now waits for the next
    /// forecast, made after `retrain` minutes as before.
    @Test func aNewGroupWaitsForTheNextForecast() throws {
        let path = folder.appendingPathComponent("growing.csv").path
        var id = 0
        func orders(_ minutes: Range<Int>, _ countries: [String]) -> String {
            var lines = ""
            for minute in minutes {
                for (index, country) in countries.enumerated() {
                    id += 1
                    let amount = 20 + Double((minute * 7 + index * 13) % 11)
                    lines += "\(id),2021-05-20 \(String(format: "%02d:%02d", minute / 60, minute % 60)):10,c\(id),\(amount),\(country)\n"
                }
            }
            return lines
        }
        try ("order_id,order_time,customer,amount,country\n" + orders(0..<180, ["DE", "US"])).write(toFile: path, atomically: true, encoding: .utf8)
        var options = LiveSaleOptions(source: .export(path: path, reading: OrdersReadOptions()))
        options.plan.length = 600
        options.groups = LiveGrouping(column: "country")
        let sale = try LiveSale.open(options)
        let first = try #require(try sale.refresh().groups)
        #expect(first.total.since == "2021-05-20T01:59" && first.groups.map(\.name).sorted() == ["DE", "US"])
        func append(_ text: String) throws {
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? file.close() }
            try file.seekToEnd()
            try file.write(contentsOf: Data(text.utf8))
        }
        try append(orders(180..<185, ["DE", "FR", "US"]))
        let second = try #require(try sale.refresh().groups)
        #expect(second.total.since == first.total.since && second.groups.map(\.name).sorted() == ["DE", "US"])
        try append(orders(185..<215, ["DE", "FR", "US"]))
        let third = try #require(try sale.refresh().groups)
        #expect(third.total.since == "2021-05-20T02:34" && third.groups.map(\.name).sorted() == ["DE", "FR", "US"])
    }
}
