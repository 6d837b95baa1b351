@testable import FlashLua
import Foundation
import LuaBridge
@testable import OrderSources
import SaleData
import SaleReports
import TemporaryFolders
import Testing
import TestSupport

/// An orders table `orders(created_at, customer, total)` that a test fills while a sale is followed.
protocol OrdersTableFixture {
    /// The source the sale reads, and its url without password.
    var source: any OrderSource { get }
    var url: String { get }
    /// The table's name.
    var table: String { get }
    /// Adds an order at `second` (epoch) of `total` money units.
    func insert(second: Int, customer: String, total: Double) throws
}

/// A file database made for one test.
final class SQLiteOrdersTable: OrdersTableFixture {
    /// Removed with the fixture.
    private let folder = TemporaryFolder("flashcast-live-db")
    let path: String
    let table = "orders"
    private let database: SQLiteDatabase
    let source: any OrderSource

    init() throws {
        path = folder.file("shop.db")
        database = try SQLiteDatabase(path: path, mode: .create)
        try database.execute("CREATE TABLE orders (created_at INTEGER, customer TEXT, total REAL)")
        source = try SQLiteSource(path: path)
    }

    var url: String { "sqlite:\(path)" }

    func insert(second: Int, customer: String, total: Double) throws {
        let statement = try database.prepare("INSERT INTO orders VALUES (?1, ?2, ?3)")
        try statement.bind([.integer(Int64(second)), .text(customer), .real(total)])
        _ = try statement.step()
    }
}

/// The time a test sets by hand.
final class ManualClock: @unchecked Sendable {
    var seconds: Int
    init(_ seconds: Int) { self.seconds = seconds }
}

/// A feed whose source and clock a test steers from the thread that refreshes it.
struct SteeredFeed: @unchecked Sendable {
    let feed: DatabaseFeed
}

/// A source that fails with a lost connection as many times as told, then asks `inner`.
final class FlakySource: OrderSource {
    let inner: any OrderSource
    var failures = 0

    init(_ inner: any OrderSource) { self.inner = inner }

    func minuteRows(_ query: MinuteQuery, from: Int?, through: Int?) throws(OrderSourceError) -> [MinuteRow] {
        guard failures == 0 else {
            failures -= 1
            throw OrderSourceError("query on 'postgres://shop@db/sales' failed: server closed the connection",
                                   connectionLost: true)
        }
        return try inner.minuteRows(query, from: from, through: through)
    }
}

/// Opens the sale `live.open{db=...}` would, but on `source` with a hand-set clock and retries that
/// do not sleep, as the global `sale` of a new state.
func followedSale(_ fixture: OrdersTableFixture, source: (any OrderSource)? = nil, start: Int, clock: ManualClock)
    throws -> LuaState
{
    let query = try MinuteQuery(table: fixture.table, time: "created_at", amount: "total", customer: "customer",
                                window: start...start + 59)
    let live = LiveOrderQuery(source: source ?? fixture.source, query: query,
                              retry: RetryPolicy(delays: [0.5, 1]) { _ in }, clock: { clock.seconds })
    var plan = SalePlan()
    plan.length = 60
    // The sale owns its feed, but the caller keeps the source and the clock to steer them (all on this thread).
    let feed = SteeredFeed(feed: DatabaseFeed(live, url: fixture.url)).feed
    let object = LiveSaleObject(LiveSale(feed: feed, plan: plan, settings: LiveForecastSettings()), showsProgress: false)
    let state = try FlashLua.makeState()
    let call = LuaCall(state.pointer)
    call.push(object)
    call.setRegistryValue(LiveLibrary.currentKey, at: -1)  // the sale live.refresh() follows
    call.pop()
    try state.load("sale = ...", chunkName: "=test")
    LuaCall(state.pointer).push(object)
    try state.call(arguments: 1)
    return state
}
