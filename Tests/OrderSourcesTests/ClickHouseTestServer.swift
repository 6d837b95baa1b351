import Foundation
import NumberText
import SaleData
import Testing
@testable import OrderSources

/// The ClickHouse server the tests use: `FLASHCAST_TEST_CLICKHOUSE_URL` (set by `.ci/run`, or by hand
/// from `scripts/clickhouse-test-server.sh start`). Without it the ClickHouse tests are skipped, except
/// under CI (`CI` set), where a missing server fails them.
enum ClickHouseTestServer {
    static let url = ProcessInfo.processInfo.environment["FLASHCAST_TEST_CLICKHOUSE_URL"]

    /// Runs the suite when a server is set, or under CI (where a missing one then fails loudly).
    static let enabled = Testing.ConditionTrait.enabled(
        if: url != nil || PostgresTestServer.isCI,
        "no ClickHouse test server: run `export FLASHCAST_TEST_CLICKHOUSE_URL=$(scripts/clickhouse-test-server.sh start)`")

    /// The server's address (with its password).
    static func address() throws -> ClickHouseAddress {
        let text = try #require(url, "CI run without FLASHCAST_TEST_CLICKHOUSE_URL: .ci/run must start the test server")
        guard case .clickhouse(let address) = try DatabaseURL(text) else { throw OrderSourceError("not a clickhouse url") }
        return address
    }

    /// A source that reads no password from the environment or a password file.
    static func source(_ address: ClickHouseAddress? = nil) throws -> ClickHouseSource {
        ClickHouseSource(address: try address ?? self.address(), credentials: PostgresCredentials(environment: [:]))
    }

    /// Creates `table(order_id UInt64, created_at TIME, customer String, total AMOUNT, status Nullable(String))`
    /// and loads the sale (times as epoch seconds), each order's status given by `status`.
    static func load(_ sale: SaleSimulation, into table: String, timeType: String, amountType: String = "Decimal(12, 2)",
                     source: ClickHouseSource, status: (Int) -> String? = { _ in "paid" }) throws {
        _ = try source.run("CREATE TABLE \(table) (order_id UInt64, created_at \(timeType), customer String,"
                           + " total \(amountType), status Nullable(String)) ENGINE = MergeTree ORDER BY order_id")
        let rows = sale.orders().map { order in
            "(\(order.id), \(order.second), \(SQLValue.text(order.customerLabel).clickHouseLiteral),"
                + " \(NumberFormat.cents(order.cents)), \(status(order.id).map { SQLValue.text($0).clickHouseLiteral } ?? "NULL"))"
        }
        _ = try source.run("INSERT INTO \(table) VALUES " + rows.joined(separator: ", "))
    }

    /// Drops a table made by `load`.
    static func drop(_ table: String, source: ClickHouseSource) {
        _ = try? source.run("DROP TABLE IF EXISTS \(table)")
    }
}
