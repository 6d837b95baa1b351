import Foundation
import NumberText
import SaleData
import TemporaryFolders
import TestSupport
import Testing
@testable import OrderSources

/// `flashcast aggregate --db`: the same minutes file as the CSV path on the same orders.
@Suite struct AggregateDatabaseTests {
    @TemporaryFolder("flashcast-aggregate-db") var folder

    /// A day-long sale across Berlin's autumn clock change, written as a CSV export (wall-clock times).
    func sale() throws -> (SaleSimulation, csv: String) {
        var sale = SaleSimulation()
        sale.start = 27_259_920
        sale.minutes = 1440
        sale.expectedOrders = 3000
        sale.zone = try #require(ShopZone("Europe/Berlin"))
        sale.timeFormat = .offset
        let csv = folder.appendingPathComponent("orders.csv").path
        try sale.write(to: csv)
        return (sale, csv)
    }

    func run(_ arguments: [String]) throws -> CommandResult { try runFlashcast(arguments, in: folder) }

    func file(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    @Test(arguments: [[], ["--step", "15"], ["--from", "2021-10-31 01:30", "--to", "2021-10-31 03:29"]])
    func sqliteTableGivesTheCSVPathsFile(extra: [String]) throws {
        let (sale, _) = try sale()
        let path = folder.appendingPathComponent("orders.db").path
        let database = try SQLiteDatabase(path: path, mode: .create)
        try database.execute("CREATE TABLE sales (order_id INTEGER, created_at INTEGER, buyer TEXT, total REAL)")
        let insert = try database.prepare("INSERT INTO sales VALUES (?1, ?2, ?3, ?4)")
        try database.execute("BEGIN")
        for order in sale.orders() {
            try insert.bind([.integer(Int64(order.id)), .integer(Int64(order.second)), .text(order.customerLabel),
                             .real(Double(order.cents) / 100)])
            _ = try insert.step()
        }
        try database.execute("COMMIT")
        let common = ["--tz", "Europe/Berlin"] + extra
        #expect(try run(["aggregate", "orders.csv", "-o", "csv.csv"] + common).status == 0)
        let result = try run(["aggregate", "--db", "sqlite:orders.db", "--table", "sales",
                              "--map", "time=created_at,amount=total,customer=buyer", "-o", "db.csv"] + common)
        #expect(result.status == 0)
        #expect(result.output.contains(" orders from table 'sales' of 'sqlite:orders.db'\nwrote db.csv: "))
        if extra.isEmpty { #expect(result.output.hasPrefix("read \(sale.orders().count) orders from ")) }
        #expect(try file("db.csv") == (try file("csv.csv")))
    }

    /// The bundled four-market sale (EUR, USD, JPY and BRL amounts) in an SQLite table: `--by country --currency USD
    /// --rates ...` converts each order in the database and writes the CSV path's file; a code without a rate fails.
    @Test func currenciesConvertInTheDatabaseAsInTheCSVPath() throws {
        let source = try String(contentsOfFile: "examples/data/markets_sale.csv", encoding: .utf8)
        try source.write(to: folder.appendingPathComponent("markets.csv"), atomically: true, encoding: .utf8)
        let database = try SQLiteDatabase(path: folder.appendingPathComponent("orders.db").path, mode: .create)
        try database.execute("CREATE TABLE sales (order_id INTEGER, order_time TEXT, customer TEXT, amount TEXT, cur TEXT, country TEXT)")
        let insert = try database.prepare("INSERT INTO sales VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        try database.execute("BEGIN")
        for line in source.split(separator: "\n").dropFirst() {
            try insert.bind(line.split(separator: ",", omittingEmptySubsequences: false).map { .text(String($0)) })
            _ = try insert.step()
        }
        try database.execute("COMMIT")
        let common = ["--tz", "+08:00", "--by", "country", "--currency", "USD", "--rates", "EUR=1.08,JPY=0.0067,BRL=0.2"]
        #expect(try run(["aggregate", "markets.csv", "-o", "csv.csv"] + common).status == 0)
        let result = try run(["aggregate", "--db", "sqlite:orders.db", "--table", "sales", "--map", "currency=cur,customer=customer",
                              "-o", "db.csv"] + common)
        #expect(result.status == 0, "\(result.error)")
        #expect(try file("db.csv") == (try file("csv.csv")))
        let unknown = try run(["aggregate", "--db", "sqlite:orders.db", "--table", "sales", "--map", "currency=cur", "-o", "x.csv",
                               "--tz", "+08:00", "--currency", "USD", "--rates", "EUR=1.08,JPY=0.0067"])
        #expect(unknown.status == 1)
        #expect(unknown.error == "flashcast: unknown currency 'BRL' in column 'cur' of table 'sales' (rates for EUR, JPY, USD)\n")
    }

    /// SQLite reads a double-quoted name that is no column as a string literal: revenue 0 or no minutes, exit 0.
    @Test(arguments: [("time=created_at,amount=totl", "'totl' (amount)"), ("time=created,amount=total", "'created' (time)")])
    func misspelledSQLiteColumnsExitWithOne(map: String, column: String) throws {
        let path = folder.appendingPathComponent("orders.db").path
        let database = try SQLiteDatabase(path: path, mode: .create)
        try database.execute("CREATE TABLE sales (created_at INTEGER, total REAL); INSERT INTO sales VALUES (1621519380, 12.5)")
        let result = try run(["aggregate", "--db", "sqlite:orders.db", "--table", "sales", "--map", map, "-o", "db.csv"])
        #expect(result.status == 1)
        #expect(result.error == "flashcast: no column \(column) in table 'sales' (columns: created_at, total)\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("db.csv").path))
    }

    /// The PostgreSQL test server; without it the test is skipped, except under CI where it fails.
    static let serverURL = ProcessInfo.processInfo.environment["FLASHCAST_TEST_PG_URL"]
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false

    @Test(.enabled(if: serverURL != nil || isCI,
                   "no PostgreSQL test server: run `export FLASHCAST_TEST_PG_URL=$(scripts/postgres-test-server.sh start)`"))
    func postgresTableGivesTheCSVPathsFile() throws {
        let url = try #require(Self.serverURL, "CI run without FLASHCAST_TEST_PG_URL: .ci/run must start the test server")
        guard case .postgres(let address) = try DatabaseURL(url) else { return }
        let (sale, _) = try sale()
        let source = try PostgresSource(address: address, credentials: PostgresCredentials(environment: [:]))
        let table = "cli_orders_" + UUID().uuidString.prefix(8).lowercased()
        _ = try source.run("CREATE TABLE \(table) (order_time timestamptz, amount numeric(12,2), customer text)", [])
        defer { _ = try? source.run("DROP TABLE \(table)", []) }
        let orders = sale.orders()
        for start in stride(from: 0, to: orders.count, by: 1000) {
            let batch = Array(orders[start..<min(start + 1000, orders.count)])
            let rows = batch.indices.map { "(to_timestamp($\(3 * $0 + 1)), $\(3 * $0 + 2), $\(3 * $0 + 3))" }
            let values = batch.flatMap { [String($0.second), NumberFormat.cents($0.cents), $0.customerLabel] }
            _ = try source.run("INSERT INTO \(table) VALUES " + rows.joined(separator: ", "), values)
        }
        #expect(try run(["aggregate", "orders.csv", "--tz", "Europe/Berlin", "-o", "csv.csv"]).status == 0)
        let result = try run(["aggregate", "--db", url, "--table", table, "--map", "customer=customer",
                              "--where", "amount > 0", "--tz", "Europe/Berlin", "-o", "pg.csv"])
        #expect(result.status == 0)
        #expect(try file("pg.csv") == (try file("csv.csv")))
        let password = try #require(address.password)
        #expect(!result.output.contains(password) && !result.error.contains(password))
    }

    @Test(arguments: [
        (["orders.csv", "--db", "sqlite:x.db", "--table", "t"], "Error: give an orders CSV or --db, not both"),
        (["--db", "sqlite:x.db"], "Error: --db needs --table"),
        ([], "Error: give an orders CSV or --db"),
        (["orders.csv", "--where", "status = 'paid'"], "Error: --table and --where go with --db"),
        (["--db", "sqlite:x.db", "--table", "t", "--map", "status=state"],
         "Error: --map takes time, amount, customer and currency with --db (filter statuses with --where)"),
        (["--db", "sqlite:x.db", "--table", "t", "--lenient"], "Error: --lenient is for CSV files"),
        (["--db", "sqlite:x.db", "--table", "t", "--map", "currency=cur"], "Error: --map currency= goes with --currency"),
        (["--db", "sqlite:x.db", "--table", "t", "--rates", "EUR=1.08"], "Error: --rates needs --currency (the reporting currency)"),
        (["orders.csv", "--map", "amount=total,time=t,amount=price"], "Error: --map gives 'amount' more than once"),
        (["--db", "sqlite:x.db", "--table", "t", "--decimal", ","],
         "Error: --decimal and --dates are for CSV files (a database's columns have types)"),
        (["--db", "mysql://root:hunter2@db/shop", "--table", "t"],
         "Error: bad database url '<url hidden: it may hold a password>' (postgres://..., clickhouse://... or sqlite:path expected)"),
    ])
    func usageErrorsExitWithTwo(arguments: [String], message: String) throws {
        let result = try run(["aggregate", "-o", "m.csv"] + arguments)
        #expect(result.status == 2)
        #expect(result.error.hasPrefix(message + "\n"))
    }

    @Test(arguments: [
        (["--table", "orders; drop table x"], "flashcast: bad table name 'orders; drop table x' (plain identifier"
            + " expected: letters, digits and '_', not starting with a digit)"),
        (["--table", "t", "--where", "1 = 1 or true"], "flashcast: bad 'where' near '1 = 1 or true' (comparisons of"
            + " a column with values, joined by 'and', expected)"),
    ])
    func badNamesAndFiltersExitWithOne(arguments: [String], message: String) throws {
        let result = try run(["aggregate", "-o", "m.csv", "--db", "postgres://u:Secret-9@127.0.0.1:1/x"] + arguments)
        #expect(result.status == 1)
        #expect(result.error == message + "\n")
    }

    @Test func unreachableServerExitsWithOneWithoutThePassword() throws {
        let result = try run(["aggregate", "-o", "m.csv", "--db", "postgres://u:Secret-9@127.0.0.1:1/x?connect_timeout=2",
                              "--table", "orders"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("flashcast: cannot connect to 'postgres://u@127.0.0.1:1/x': "))
        #expect(!result.error.contains("Secret-9"))
    }
}
