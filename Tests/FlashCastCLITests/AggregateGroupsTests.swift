import Foundation
import SaleData
import TemporaryFolders
import TestSupport
import Testing
@testable import OrderSources

/// `flashcast aggregate --by`: the long CSV of groups, from an export and from a database.
@Suite struct AggregateGroupsTests {
    @TemporaryFolder("flashcast-aggregate-groups") var folder

    func run(_ arguments: [String]) throws -> CommandResult { try runFlashcast(arguments, in: folder) }

    func file(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    /// A day of simulated orders with a market each (`country`), as an export and as an SQLite table.
    func sale() throws -> SaleSimulation {
        var sale = SaleSimulation()
        sale.start = 27_259_920
        sale.minutes = 1440
        sale.expectedOrders = 3000
        sale.zone = try #require(ShopZone("Europe/Berlin"))
        var csv = "order_id,order_time,customer,amount,country\n"
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("orders.db").path, mode: .create)
        try database.execute("CREATE TABLE sales (order_id INTEGER, created_at INTEGER, buyer TEXT, total REAL, market TEXT); BEGIN")
        let insert = try database.prepare("INSERT INTO sales VALUES (?1, ?2, ?3, ?4, ?5)")
        for order in sale.orders() {
            let market = ["DE", "FR", "US", ""][order.id % 4]
            let amount = Double(order.cents) / 100
            let fields: [String] = [String(order.id), String(order.second), order.customerLabel, String(amount), market]
            csv += fields.joined(separator: ",") + "\n"
            try insert.bind([.integer(Int64(order.id)), .integer(Int64(order.second)), .text(order.customerLabel),
                             .real(amount), .text(market)])
            _ = try insert.step()
        }
        try database.execute("COMMIT; UPDATE sales SET market = NULL WHERE market = ''")
        try csv.write(to: folder.appendingPathComponent("orders.csv"), atomically: true, encoding: .utf8)
        return sale
    }

    @Test(arguments: [[], ["--step", "15"]])
    func theDatabaseGivesTheExportsLongCSV(extra: [String]) throws {
        _ = try sale()
        let common = ["--tz", "Europe/Berlin"] + extra
        let csv = try run(["aggregate", "orders.csv", "--by", "country", "-o", "csv.csv"] + common)
        #expect(csv.status == 0)
        #expect(csv.output.contains("4 groups by 'country':\n  "))
        let db = try run(["aggregate", "--db", "sqlite:orders.db", "--table", "sales", "--by", "market",
                          "--map", "time=created_at,amount=total,customer=buyer", "-o", "db.csv"] + common)
        #expect(db.status == 0)
        #expect(try file("db.csv") == (try file("csv.csv")))
        let lines = try file("csv.csv").split(separator: "\n")
        #expect(lines.first == (extra.isEmpty ? "group,minute,revenue,orders,customers,cumulative" : "group,minute,revenue,orders,cumulative"))
        #expect(lines.count == 1 + 4 * (extra.isEmpty ? 1440 : 96))
        #expect(lines[1].hasPrefix("(none),2021-10-30T14:00,"))
    }

    @Test func mistakesExitWithTheirStatus() throws {
        _ = try sale()
        let missing = try run(["aggregate", "orders.csv", "--by", "region", "-o", "out.csv"])
        #expect(missing.status == 1)
        #expect(missing.error == "flashcast: orders.csv:1:1: no column 'region' to group by (columns: order_id, order_time,"
            + " customer, amount, country)\n")
        let tooMany = try run(["aggregate", "orders.csv", "--by", "customer", "--max-groups", "5", "-o", "out.csv"])
        #expect(tooMany.status == 1)
        #expect(tooMany.error.hasSuffix("is one more than the 5 groups allowed by 'customer': raise the limit (max_groups)"
            + " or group by a coarser key\n"))
        let hostile = try run(["aggregate", "--db", "sqlite:orders.db", "--table", "sales", "--by", "market; DROP TABLE sales",
                               "--map", "time=created_at,amount=total", "-o", "out.csv"])
        #expect(hostile.status == 1)
        #expect(hostile.error == "flashcast: bad group column name 'market; DROP TABLE sales' (plain identifier expected:"
            + " letters, digits and '_', not starting with a digit)\n")
        #expect(try run(["aggregate", "orders.csv", "--zones", "DE=+01:00", "-o", "out.csv"]).status == 2)
        #expect(try run(["aggregate", "orders.csv", "--by", "country", "--zones", "DE=Mars", "-o", "out.csv"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.csv").path))
    }
}
