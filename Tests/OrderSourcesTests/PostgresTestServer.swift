import Foundation
import NumberText
import SaleData
import Testing
@testable import OrderSources

/// The PostgreSQL server the tests use: `FLASHCAST_TEST_PG_URL` (set by `.ci/run`, or by hand from
/// `scripts/postgres-test-server.sh start`). Without it the PostgreSQL tests are skipped, except
/// under CI (`CI` set), where a missing server fails them.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["FLASHCAST_TEST_PG_URL"]
    static let isCI = ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } ?? false

    /// Runs the suite when a server is set, or under CI (where a missing one then fails loudly).
    static let enabled = Testing.ConditionTrait.enabled(
        if: url != nil || isCI,
        "no PostgreSQL test server: run `export FLASHCAST_TEST_PG_URL=$(scripts/postgres-test-server.sh start)`")

    /// The server's address (with its password).
    static func address() throws -> PostgresAddress {
        let text = try #require(url, "CI run without FLASHCAST_TEST_PG_URL: .ci/run must start the test server")
        guard case .postgres(let address) = try DatabaseURL(text) else { throw OrderSourceError("not a postgres url") }
        return address
    }

    /// A connection that reads no password from the environment or a password file.
    static func source(_ address: PostgresAddress? = nil) throws -> PostgresSource {
        try PostgresSource(address: address ?? self.address(), credentials: PostgresCredentials(environment: [:]))
    }

    /// A new table name, so that tests running side by side do not meet.
    static func tableName(_ prefix: String = "orders") -> String {
        prefix + "_" + UUID().uuidString.prefix(8).lowercased()
    }

    /// Creates `table(order_id bigint, created_at TIME, customer text, total AMOUNT, status text)` and
    /// loads the sale, times written as the sale's format (epoch seconds as numbers).
    static func load(_ sale: SaleSimulation, into table: String, timeType: String, amountType: String = "numeric(12,2)",
                     source: PostgresSource) throws {
        _ = try source.run("CREATE TABLE \(table) (order_id bigint PRIMARY KEY, created_at \(timeType),"
                           + " customer text, total \(amountType), status text NOT NULL DEFAULT 'paid')", [])
        let orders = sale.orders()
        for start in stride(from: 0, to: orders.count, by: 1000) {
            let batch = orders[start..<min(start + 1000, orders.count)]
            var values: [String] = []
            var rows: [String] = []
            for order in batch {
                let time = sale.timeFormat == .epoch ? String(order.second) : SimulatedSales.timeText(order, sale)
                let first = values.count
                values += [String(order.id), time, order.customerLabel, NumberFormat.cents(order.cents)]
                rows.append("($\(first + 1), $\(first + 2), $\(first + 3), $\(first + 4))")
            }
            _ = try source.run("INSERT INTO \(table) (order_id, created_at, customer, total) VALUES "
                               + rows.joined(separator: ", "), values)
        }
    }

    /// Drops a table made by `load`.
    static func drop(_ table: String, source: PostgresSource) {
        _ = try? source.run("DROP TABLE IF EXISTS \(table)", [])
    }
}
