import Foundation
import TemporaryFolders
import Testing
import TestSupport
@testable import OrderSources

/// `flashcast run --sandbox --db URL`: databases are off unless named, and credentials go only to the named server.
@Suite(.timeLimit(.minutes(3))) struct SandboxDatabaseTests {
    @TemporaryFolder("flashcast-sandbox-db") var folder

    /// Opens `arg[1]` with orders.query, orders.live_query and live.open{db=}, printing what each gives.
    static let openEach = """
        local url, table_name = arg[1], arg[2] or 'orders'
        local options = {table = table_name, time = 'order_time', amount = 'amount'}
        local function with(key) local t = {[key] = url} for k, v in pairs(options) do t[k] = v end return t end
        print(select(2, pcall(function() return orders.query(with('url')) end)))
        print(select(2, pcall(function() return orders.live_query(with('url')) end)))
        print(select(2, pcall(function() return live.open(with('db')) end)))
        """

    func run(_ arguments: [String], environment: [String: String] = ["PGPASSWORD": "Secret-42"]) throws -> CommandResult {
        try Self.openEach.write(to: folder.appendingPathComponent("open.lua"), atomically: true, encoding: .utf8)
        try "print(orders.query{url = arg[1], table = 'orders', time = 'order_time', amount = 'amount'})"
            .write(to: folder.appendingPathComponent("query.lua"), atomically: true, encoding: .utf8)
        return try runFlashcast(["run"] + arguments, in: folder, environment: environment)
    }

    func refusal(_ url: String) throws -> String {
        guard case .postgres(let address) = try DatabaseURL(url) else { return "" }
        return "connecting to '\(address)' is not allowed in the sandbox (name the database with --db)"
    }

    @Test func aNamedServerGetsThePasswordAsOutsideTheSandbox() throws {
        for sandbox in [["--sandbox"], []] {
            let server = try FakePostgresServer()
            let url = "postgres://alice@127.0.0.1:\(server.port)/shop?connect_timeout=5"
            let received = server.collectPassword()
            let named = sandbox.isEmpty ? [] : ["--db", url]
            let result = try run(sandbox + named + ["query.lua", url])
            #expect(received.wait() == "Secret-42")
            #expect(result.status == 0)
            #expect(!result.output.contains("not allowed"))
        }
    }

    @Test(arguments: [
        ("postgres://alice@127.0.0.1:PORT/shop", ["--db", "postgres://alice@127.0.0.1:1/shop"], [:]),
        ("postgres://alice@127.0.0.1:PORT/shop", [], [:]),
        ("postgres://alice@127.0.0.1:PORT/shop?sslkey=/etc/passwd", ["--db", "postgres://alice@127.0.0.1:PORT/shop"], [:]),
        ("postgres://bob@127.0.0.1:PORT/shop", ["--db", "postgres://alice@127.0.0.1:PORT/shop"], [:]),
        ("postgres:///shop", ["--db", "postgres://alice@127.0.0.1:PORT/shop"], ["PGHOST": "127.0.0.1", "PGPORT": "PORT"]),
        ("postgres://alice@localhost,127.0.0.1:PORT/shop", ["--db", "postgres://alice@localhost:PORT/shop"], [:]),
    ])
    func anyOtherServerIsRefusedWithoutConnecting(script: String, named: [String], environment: [String: String]) throws {
        let server = try FakePostgresServer()
        func fill(_ text: String) -> String { text.replacingOccurrences(of: "PORT", with: String(server.port)) }
        let url = fill(script)
        let result = try run(["--sandbox"] + named.map(fill) + ["open.lua", url],
                             environment: environment.mapValues(fill).merging(["PGPASSWORD": "Secret-42"]) { $1 })
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n"), message = try refusal(url)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.hasPrefix("open.lua:") && $0.hasSuffix(message) })
        #expect(!server.hasPendingConnection())
    }

    @Test func dbGoesWithTheSandboxAndMustBeAURL() throws {
        let outside = try run(["--db", "postgres://a@h/d", "open.lua"])
        #expect(outside.status == 2)
        #expect(outside.error.hasPrefix("Error: --db goes with --sandbox (outside it a script may use any database)\n"))
        let bad = try run(["--sandbox", "--db", "mysql://root:hunter2@db/x", "open.lua"])
        #expect(bad.status == 2)
        #expect(bad.error.hasPrefix("Error: bad database url '<url hidden: it may hold a password>'"))
    }

    @Test func sqliteFilesAreReadOnlyFromTheInputs() throws {
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let database = try SQLiteDatabase(path: data.appendingPathComponent("orders.db").path, mode: .create)
        try database.execute("CREATE TABLE orders (order_time INTEGER, amount REAL)")
        try database.execute("INSERT INTO orders VALUES (1636675200, 12.5), (1636675260, 7.5)")
        let url = "sqlite:data/orders.db"
        let refused = try run(["--sandbox", "open.lua", url])
        #expect(refused.output.split(separator: "\n").allSatisfy {
            $0.hasSuffix("reading 'data/orders.db' is not allowed in the sandbox (inputs are named with --input)")
        })
        for named in [["--db", url], ["--input", "data"]] {
            let result = try run(["--sandbox"] + named + ["open.lua", url])
            #expect(result.status == 0)
            #expect(!result.output.contains("not allowed"))
            #expect(result.output.hasPrefix("table: ") && result.output.split(separator: "\n").count == 3)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path) == ["orders.db"])
    }

    /// The PostgreSQL test server; without it the test is skipped, except under CI where it fails.
    static let serverURL = ProcessInfo.processInfo.environment["FLASHCAST_TEST_PG_URL"]
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false

    @Test(.enabled(if: serverURL != nil || isCI,
                   "no PostgreSQL test server: run `export FLASHCAST_TEST_PG_URL=$(scripts/postgres-test-server.sh start)`"))
    func theNamedTestServerWorksAndItsNeighboursAreRefused() throws {
        let url = try #require(Self.serverURL, "CI run without FLASHCAST_TEST_PG_URL: .ci/run must start the test server")
        guard case .postgres(let address) = try DatabaseURL(url) else { return }
        let source = try PostgresSource(address: address, credentials: PostgresCredentials(environment: [:]))
        let table = "sandbox_orders_" + UUID().uuidString.prefix(8).lowercased()
        _ = try source.run("CREATE TABLE \(table) (order_time timestamptz, amount numeric(12,2))", [])
        defer { _ = try? source.run("DROP TABLE \(table)", []) }
        _ = try source.run("INSERT INTO \(table) VALUES (to_timestamp(1636675200), 12.50), (to_timestamp(1636675260), 7.50)", [])
        var withoutPassword = address
        withoutPassword.password = nil
        let named = try run(["--sandbox", "--db", url, "open.lua", "\(DatabaseURL.postgres(withoutPassword))", table], environment: [:])
        #expect(named.status == 0)
        #expect(named.output.hasPrefix("table: ") && named.output.split(separator: "\n").count == 3)
        #expect(!named.output.contains("not allowed"))
        var otherDatabase = withoutPassword
        otherDatabase.database = "postgres"
        let refused = try run(["--sandbox", "--db", url, "open.lua", "\(DatabaseURL.postgres(otherDatabase))", table],
                              environment: [:])
        let message = try refusal("\(DatabaseURL.postgres(otherDatabase))")
        #expect(refused.output.split(separator: "\n").count == 3)
        #expect(refused.output.split(separator: "\n").allSatisfy { $0.hasSuffix(message) })
        let password = try #require(address.password)
        #expect(!named.output.contains(password) && !named.error.contains(password))
    }
}
