import Foundation
import OrderSources
import SaleData

/// Benchmark: the per-minute series of a 3-day sale held in PostgreSQL, pulled by FlashCast
/// (aggregation pushed down) side by side with the CSV path (COPY export with psql, then
/// FlashCast's CSV reader), on the same table; the two tables are checked equal.
///
///     BenchDB [clickhouse] [ORDERS] [RUNS]   default 10000000 orders, 3 runs (medians reported)
///
/// The server is `FLASHCAST_BENCH_PG_URL` or `FLASHCAST_TEST_PG_URL` (scripts/postgres-test-server.sh
/// start); with `clickhouse`, `FLASHCAST_TEST_CLICKHOUSE_URL` (scripts/clickhouse-test-server.sh start),
/// where the CSV path exports with curl. The table `bench_orders_ORDERS` is loaded once and kept for later runs.
var arguments = Array(CommandLine.arguments.dropFirst())
let clickHouse = arguments.first == "clickhouse"
if clickHouse { arguments.removeFirst() }
let environment = ProcessInfo.processInfo.environment

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("BenchDB: \(message)\nusage: BenchDB [clickhouse] [ORDERS] [RUNS]\n".utf8))
    exit(1)
}

guard arguments.count <= 2, let orders = Int(arguments.first ?? "10000000"), orders > 0,
      let runs = Int(arguments.count == 2 ? arguments[1] : "3"), runs > 0 else { fail("bad arguments") }
if clickHouse {
    guard let url = environment["FLASHCAST_TEST_CLICKHOUSE_URL"] else {
        fail("set FLASHCAST_TEST_CLICKHOUSE_URL to a clickhouse url (scripts/clickhouse-test-server.sh start)")
    }
    do { try ClickHouseComparison(url: url, sale: BenchSale(orders: orders), runs: runs).run() } catch { fail("\(error)") }
    exit(0)
}
guard let url = environment["FLASHCAST_BENCH_PG_URL"] ?? environment["FLASHCAST_TEST_PG_URL"] else {
    fail("set FLASHCAST_BENCH_PG_URL (or FLASHCAST_TEST_PG_URL) to a PostgreSQL url")
}

do {
    let server = try Psql(url: url)
    let sale = BenchSale(orders: orders)
    try sale.loadIfMissing(server)
    try Comparison(server: server, sale: sale, url: url, runs: runs).run()
} catch {
    fail("\(error)")
}
