import Foundation
import TemporaryFolders
import Testing
import TestSupport
@testable import OrderSources

/// `flashcast repl --db URL --table NAME` and `scripts/live.lua --db` during a sale: orders added to
/// the table between refreshes show in the next status block, and a connection the server refuses
/// is reported while the REPL keeps running, without the password.
@Suite(.timeLimit(.minutes(2))) struct LiveDatabaseReplTests {
    @TemporaryFolder("flashcast-live-db-repl") var folder
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static func now() -> Int { Int(Date().timeIntervalSince1970) }

    /// A shop database with 25 paid orders of 10 in the last ten minutes and 5 refunded ones of 1000.
    func shop() throws -> (path: String, database: SQLiteDatabase) {
        let path = folder.appendingPathComponent("shop.db").path
        let database = try SQLiteDatabase(path: path, mode: .create)
        try database.execute("CREATE TABLE orders (created_at INTEGER, total REAL, status TEXT)")
        for index in 0..<30 {
            try add(second: Self.now() - 600 + index * 16, total: index < 25 ? 10 : 1000,
                    status: index < 25 ? "paid" : "refunded", to: database)
        }
        return (path, database)
    }

    func add(second: Int, total: Double, status: String = "paid", to database: SQLiteDatabase) throws {
        let insert = try database.prepare("INSERT INTO orders VALUES (?1, ?2, ?3)")
        try insert.bind([.integer(Int64(second)), .real(total), .text(status)])
        _ = try insert.step()
    }

    static let tableOptions = ["--table", "orders", "--map", "time=created_at,amount=total", "--where", "status = 'paid'",
                               "--minutes", "60", "--tz", "UTC"]

    func repl(_ arguments: [String]) throws -> TerminalSession {
        try TerminalSession(flashcastExecutable().path, ["repl"] + arguments,
                            environment: ["HOME=\(folder.path)", "TERM=dumb", "LANG=C.UTF-8"])
    }

    @Test func refreshShowsTheOrdersAddedToTheTable() throws {
        let (path, database) = try shop()
        let repl = try self.repl(["--db", "sqlite:\(path)"] + Self.tableOptions)
        try repl.waitFor("revenue so far   250   +250 from 25 new orders")
        try repl.waitFor("\n> ")
        // Stamped now: in the minute in progress, which the next refresh asks for again.
        for total in [7.0, 7, 7] { try add(second: Self.now(), total: total, to: database) }
        try add(second: Self.now(), total: 500, status: "refunded", to: database)
        try repl.type("refresh()\n")
        try repl.waitFor("revenue so far   271   +21 from 3 new orders")
        try repl.type("sale.source\n")
        try repl.waitFor("\"table 'orders' of 'sqlite:\(path)'\"")
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }

    @Test func liveScriptFollowsTheTable() throws {
        let (path, _) = try shop()
        let out = folder.appendingPathComponent("out").path
        let result = try runFlashcast(["run", "scripts/live.lua", "--db", "sqlite:\(path)", "--history", "", "--every", "0.05",
                                       "--times", "2", "--out", out] + Self.tableOptions, in: repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("watching table 'orders' of 'sqlite:\(path)': a status every 0.05 s"))
        #expect(result.output.contains("revenue so far   250   +250 from 25 new orders"))
        #expect(result.output.contains("revenue so far   250   +0 from 0 new orders"))
        #expect(FileManager.default.fileExists(atPath: out + "/live.csv"))
    }

    @Test func withoutATableTheDatabaseIsAUsageError() throws {
        let result = try runFlashcast(["repl", "--db", "sqlite:shop.db"], in: folder)
        #expect(result.status == 64 || result.status == 2)
        #expect(result.error.contains("--db needs --table"))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FLASHCAST_TEST_PG_URL"] != nil, "no PostgreSQL test server"))
    func aServerThatRefusesTheConnectionIsReportedAndTheREPLCarriesOn() throws {
        let server = try PostgresRole()
        defer { server.drop() }
        try server.admin("INSERT INTO \(server.table) VALUES (to_timestamp($1), 12)", [String(Self.now() - 90)])
        let repl = try self.repl(["--db", server.url, "--table", server.table, "--map", "time=created_at,amount=total",
                                  "--minutes", "60", "--tz", "UTC"])
        try repl.waitFor("revenue so far   12   +12 from 1 new order")
        try repl.waitFor("\n> ")
        try server.admin("ALTER ROLE \(server.role) NOLOGIN")
        try server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [server.role])
        try repl.type("refresh()\n")
        try repl.waitFor("retry 4 of 4 in 4 s", timeout: .seconds(30))
        try repl.waitFor("source           cannot connect to '", timeout: .seconds(30))
        try repl.waitFor("(gave up after 4 retries); figures as of ")
        try repl.waitFor("\n> ")
        try repl.type("1 + 1\n")
        try repl.waitFor("\n2\n")
        try server.admin("ALTER ROLE \(server.role) LOGIN")
        try repl.type("refresh().stale\n")
        try repl.waitFor("\nfalse\n")
        #expect(!repl.screen.contains(server.password))
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }
}

/// A role of its own on the PostgreSQL test server, reading one table, that a test can shut out.
private struct PostgresRole {
    let server: PostgresSource
    let address: PostgresAddress
    let suffix = UUID().uuidString.prefix(8).lowercased()
    let password = "Pw-" + UUID().uuidString
    var role: String { "repl_\(suffix)" }
    var table: String { "live_\(suffix)" }

    init() throws {
        let text = try #require(ProcessInfo.processInfo.environment["FLASHCAST_TEST_PG_URL"])
        guard case .postgres(let address) = try DatabaseURL(text) else { throw OrderSourceError("not a postgres url") }
        self.address = address
        server = try PostgresSource(address: address, credentials: PostgresCredentials(environment: [:]))
        for statement in ["CREATE ROLE \(role) LOGIN PASSWORD '\(password)'",
                          "CREATE TABLE \(table) (created_at timestamptz, total numeric(12,2))", "GRANT SELECT ON \(table) TO \(role)"] {
            try admin(statement)
        }
    }

    /// The role's url, password included, as an analyst would type it.
    var url: String { "postgres://\(role):\(password)@\(address.host ?? ""):\(address.port ?? 5432)/\(address.database ?? "")" }

    func admin(_ sql: String, _ parameters: [String] = []) throws { _ = try server.run(sql, parameters) }

    func drop() {
        try? admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [role])
        try? admin("DROP TABLE IF EXISTS \(table)")
        try? admin("DROP ROLE IF EXISTS \(role)")
    }
}
