import Foundation
import TemporaryFolders
import Testing
import TestSupport
@testable import OrderSources

/// `flashcast` against ClickHouse: a Lua timeout stops a query, the sandbox names servers, `aggregate --db` groups.
@Suite(.timeLimit(.minutes(3))) struct ClickHouseCommandTests {
    @TemporaryFolder("flashcast-clickhouse") var folder

    @Test func aTimeoutStopsAQueryToAServerThatNeverAnswers() throws {
        let server = try BlackHole()
        defer { server.close() }
        let script = folder.appendingPathComponent("slow.lua")
        try "print(orders.query{url = arg[1], table = 'orders', time = 't', amount = 'a'})"
            .write(to: script, atomically: true, encoding: .utf8)
        let url = "clickhouse://u@127.0.0.1:\(server.port)/db?timeout=0"
        let started = ContinuousClock.now
        let result = try runFlashcast(["run", "--timeout", "1", script.path, url], in: folder)
        #expect(ContinuousClock.now - started < .seconds(10))  // loose: it waits for ever otherwise
        #expect(result.status == 1)
        #expect(result.error.contains("flashcast: timeout: the script ran longer than 1.00 s"))
        #expect(!result.error.contains("did not stop"))
    }

    @Test func theSandboxRefusesAServerItWasNotGiven() throws {
        let script = folder.appendingPathComponent("q.lua")
        try "print(select(2, pcall(orders.query, {url = arg[1], table = 'orders', time = 't', amount = 'a'})))"
            .write(to: script, atomically: true, encoding: .utf8)
        let result = try runFlashcast(["run", "--sandbox", "--db", "clickhouse://ana@127.0.0.1:1/sales", script.path,
                                       "clickhouse://ana:guess@127.0.0.1:2/sales"], in: folder)
        #expect(result.output.contains("connecting to 'clickhouse://ana@127.0.0.1:2/sales' is not allowed in the sandbox"
            + " (name the database with --db)"))
        #expect(!result.output.contains("guess") && !result.error.contains("guess"))
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["FLASHCAST_TEST_CLICKHOUSE_URL"] != nil,
                   "no ClickHouse test server (FLASHCAST_TEST_CLICKHOUSE_URL)"))
    func aggregateGroupsInTheServer() throws {
        let url = try #require(ProcessInfo.processInfo.environment["FLASHCAST_TEST_CLICKHOUSE_URL"])
        guard case .clickhouse(let address) = try DatabaseURL(url) else { throw OrderSourceError("not a clickhouse url") }
        let source = ClickHouseSource(address: address)
        let table = "cli_" + UUID().uuidString.prefix(8).lowercased()
        defer { _ = try? source.run("DROP TABLE IF EXISTS \(table)") }
        _ = try source.run("CREATE TABLE \(table) (order_time DateTime, amount Decimal(9, 2), country Nullable(String))"
                           + " ENGINE = MergeTree ORDER BY order_time")
        _ = try source.run("INSERT INTO \(table) VALUES (1636588810, 10.50, 'DE'), (1636588850, 1.25, ' FR '),"
                           + " (1636588990, 2.01, NULL), (1636588990, 99, 'DE')")
        let result = try runFlashcast(["aggregate", "--db", url, "--table", table, "--by", "country", "-o", "-"], in: folder)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.first == "group,minute,revenue,orders,cumulative")
        #expect(lines.contains("DE,2021-11-11T00:03,99.00,1,109.50"))
        #expect(lines.contains("FR,2021-11-11T00:00,1.25,1,1.25"))
        #expect(lines.contains("(none),2021-11-11T00:03,2.01,1,2.01"))
        #expect(lines.count == 13)
    }
}
