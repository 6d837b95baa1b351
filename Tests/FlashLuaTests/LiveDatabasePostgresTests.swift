import Foundation
@testable import FlashLua
import LuaBridge
@testable import OrderSources
import Testing
import TestSupport

/// A table on the PostgreSQL test server (`FLASHCAST_TEST_PG_URL`, see scripts/postgres-test-server.sh),
/// read through a role of its own with a known password, which the test can shut out.
final class PostgresOrdersTable: OrdersTableFixture {
    static let serverURL = ProcessInfo.processInfo.environment["FLASHCAST_TEST_PG_URL"]
    static let enabled = Testing.ConditionTrait.enabled(
        if: serverURL != nil || ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } == true,
        "no PostgreSQL test server: run `export FLASHCAST_TEST_PG_URL=$(scripts/postgres-test-server.sh start)`")

    let admin: PostgresSource
    let table: String
    let role: String
    let password = "Pw-" + UUID().uuidString
    let roleAddress: PostgresAddress
    let source: any OrderSource

    init() throws {
        let text = try #require(Self.serverURL, "CI run without FLASHCAST_TEST_PG_URL: .ci/run must start the test server")
        guard case .postgres(let address) = try DatabaseURL(text) else { throw OrderSourceError("not a postgres url") }
        admin = try PostgresSource(address: address, credentials: PostgresCredentials(environment: [:]))
        let suffix = UUID().uuidString.prefix(8).lowercased()
        table = "orders_\(suffix)"
        role = "live_\(suffix)"
        _ = try admin.run("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'", [])
        _ = try admin.run("CREATE TABLE \(table) (created_at timestamptz, customer text, total numeric(12,2))", [])
        _ = try admin.run("GRANT SELECT ON \(table) TO \(role)", [])
        var reader = address
        reader.user = role
        reader.password = password
        roleAddress = reader
        source = try PostgresSource(address: reader, credentials: PostgresCredentials(environment: [:]))
    }

    deinit {
        _ = try? admin.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [role])
        _ = try? admin.run("DROP TABLE IF EXISTS \(table)", [])
        _ = try? admin.run("DROP ROLE IF EXISTS \(role)", [])
    }

    /// The url with the password, as a user would give it.
    var urlWithPassword: String {
        "postgres://\(role):\(password)@\(roleAddress.host ?? "127.0.0.1"):\(roleAddress.port ?? 5432)/\(roleAddress.database ?? "")"
    }
    var url: String { roleAddress.description }

    func insert(second: Int, customer: String, total: Double) throws {
        _ = try admin.run("INSERT INTO \(table) VALUES (to_timestamp($1), $2, $3)", [String(second), customer, String(total)])
    }

    /// Ends the role's connections and, unless `readmitted`, refuses its new ones.
    func shutOut(readmitted: Bool = false) throws {
        if !readmitted { _ = try admin.run("ALTER ROLE \(role) NOLOGIN", []) }
        _ = try admin.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [role])
    }

    /// Lets the role log in again.
    func letIn() throws { _ = try admin.run("ALTER ROLE \(role) LOGIN", []) }
}

@Suite(PostgresOrdersTable.enabled) struct LiveDatabasePostgresTests {
    @Test func postgresIsAskedOnlyForTheNewMinutes() throws {
        try LiveDatabaseTests.checkOnlyNewMinutesAreAsked(try PostgresOrdersTable())
    }

    @Test func aTerminatedConnectionIsRetriedAndAServerThatRefusesIsReportedWithoutThePassword() throws {
        let table = try PostgresOrdersTable()
        try LiveDatabaseTests.fillFirstMinutes(table)
        let clock = ManualClock(LiveDatabaseTests.start * 60 + 9 * 60 + 40)
        let state = try followedSale(table, start: LiveDatabaseTests.start, clock: clock)
        #expect(try state.execute("return live.refresh().revenue") == ["42.5"])

        try table.shutOut(readmitted: true)
        #expect(try state.execute("local s = live.refresh() return s.stale, s.source_note")
            == ["false", "live query on '\(table.table)': connection back after 1 retry"])

        try table.shutOut()
        clock.seconds += 60
        let lost = try state.execute("local s = live.refresh() return s.stale, s.source_note, tostring(s)")
        #expect(lost[0] == "true")
        #expect(lost[1].hasPrefix("cannot connect to '\(table.url)': "))
        #expect(lost[1].hasSuffix(" (gave up after 2 retries); figures as of 00:09, the next refresh tries again"))
        #expect(!lost[2].contains(table.password) && lost[2].contains("\nsource           cannot connect to "))

        try table.letIn()
        try table.insert(second: LiveDatabaseTests.start * 60 + 620, customer: "d", total: 4)
        #expect(try state.execute("local s = live.refresh() return s.stale, s.new_orders, s.revenue") == ["false", "1", "46.5"])
    }

    @Test func liveOpenTakesTheURLWithItsPasswordAndNeverShowsIt() throws {
        let table = try PostgresOrdersTable()
        try table.insert(second: Int(Date().timeIntervalSince1970) - 90, customer: "a", total: 12)
        let values = try FlashLua.makeState().execute("""
            local sale = assert(live.open{db = '\(table.urlWithPassword)', table = '\(table.table)', time = 'created_at',
                                          amount = 'total', minutes = 60, progress = false})
            local s = sale:refresh()
            return s.revenue, sale.source, tostring(sale), tostring(s)
            """)
        #expect(values[0] == "12.0" && values[1] == "table '\(table.table)' of '\(table.url)'")
        #expect(values.allSatisfy { !$0.contains(table.password) })
    }
}
