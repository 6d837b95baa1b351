import Cancellation
import Synchronization
import Foundation
import Testing
import TemporaryFolders
import TestSupport
@testable import OrderSources

/// Credentials, refusals and servers that are down or never answer.
@Suite struct ClickHouseConnectionTests {
    static func query() throws(OrderSourceError) -> MinuteQuery {
        try MinuteQuery(table: "orders", time: "created_at", amount: "total")
    }

    @Test(ClickHouseTestServer.enabled) func aWrongPasswordIsRefusedWithoutShowingIt() throws {
        var address = try ClickHouseTestServer.address()
        address.password = "not-the-password-42"
        let source = try ClickHouseTestServer.source(address)
        do {
            _ = try source.minuteRows(try Self.query(), from: nil, through: nil)
            Issue.record("a wrong password was accepted")
        } catch {
            #expect(error.message == "cannot connect to '\(address)': wrong password for user \(address.user ?? "")"
                + " (ClickHouse code 193)")
            #expect(!error.message.contains("not-the-password-42"))
        }
    }

    @Test(ClickHouseTestServer.enabled) func thePasswordComesFromTheEnvironmentOrAPrivateFile() throws {
        let named = try ClickHouseTestServer.address()
        var address = named
        address.password = nil
        let folder = TemporaryFolder("clickhouse")
        defer { folder.remove() }
        let file = try folder.write("password", (named.password ?? "") + "\n")
        let shared = try folder.write("shared", (named.password ?? "") + "\n")
        chmod(file, 0o600)
        chmod(shared, 0o644)
        let statement = "SELECT 1 FORMAT TabSeparated"
        for environment in [["CLICKHOUSE_PASSWORD": named.password ?? ""], ["CLICKHOUSE_PASSWORD_FILE": file]] {
            let source = ClickHouseSource(address: address, credentials: PostgresCredentials(environment: environment))
            #expect(try source.run(statement) == [["1"]])
        }
        let ignored = ClickHouseSource(address: address, credentials: PostgresCredentials(environment: ["CLICKHOUSE_PASSWORD_FILE": shared]))
        #expect(throws: OrderSourceError.self) { try ignored.run(statement) }
    }

    @Test func aServerThatIsDownIsAConnectionLoss() throws {
        let port = try BlackHole.freePort()
        let address = ClickHouseAddress(user: "u", password: "secret-9", host: "127.0.0.1", port: port, database: "db")
        let source = ClickHouseSource(address: address, credentials: PostgresCredentials(environment: [:]))
        #expect(throws: OrderSourceError("cannot connect to 'clickhouse://u@127.0.0.1:\(port)/db': connection refused",
                                         connectionLost: true)) {
            try source.minuteRows(try Self.query(), from: nil, through: nil)
        }
        let unknown = ClickHouseSource(address: ClickHouseAddress(host: "no-such-host.invalid"))
        do {
            _ = try unknown.minuteRows(try Self.query(), from: nil, through: nil)
        } catch {
            #expect(error.message.hasPrefix("cannot connect to 'clickhouse://no-such-host.invalid/': host 'no-such-host.invalid' not found"))
            #expect(error.isConnectionLost)
        }
    }

    @Test func aServerThatNeverAnswersTimesOutOrIsStopped() throws {
        let server = try BlackHole()
        defer { server.close() }
        var address = ClickHouseAddress(host: "127.0.0.1", port: server.port, database: "db", timeout: 1)
        #expect(throws: OrderSourceError("query on '\(address)' failed: no answer within 1 s (the url's ?timeout= sets the limit)")) {
            try ClickHouseSource(address: address).minuteRows(try Self.query(), from: nil, through: nil)
        }
        address.timeout = 0
        let asked = Mutex(0)
        let stop: @Sendable () -> Bool = { asked.withLock { $0 += 1; return $0 > 3 } }
        #expect(throws: OrderSourceError("query on '\(address)' stopped")) {
            try CancellationCheck.observing(stop) { () throws(OrderSourceError) in
                try ClickHouseSource(address: address).minuteRows(try Self.query(), from: nil, through: nil)
            }
        }
    }
}
