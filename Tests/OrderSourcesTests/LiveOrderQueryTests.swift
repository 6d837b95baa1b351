import Foundation
import SaleData
import Testing
@testable import OrderSources

@Suite struct LiveOrderQueryTests {
    let query: MinuteQuery

    init() throws { query = try MinuteQuery(table: "orders", time: "t", amount: "a", window: 1000...1100) }

    func row(_ minute: Int, _ cents: Int64) -> MinuteRow { MinuteRow(minute: minute, cents: cents, orders: 1, customers: 0) }

    @Test func asksOnlyForMinutesAfterTheLastCompleteOne() throws {
        let source = ScriptedSource()
        source.rows = [row(1000, 100), row(1003, 300)]
        let clock = TestClock(1005 * 60 + 30)
        let live = LiveOrderQuery(source: source, query: query, retry: PauseLog().policy, clock: { clock.seconds })
        var table = try live.refresh()
        #expect(table.start == 1000 && table.revenueCents == [100, 0, 0, 300, 0, 0])
        source.rows += [row(1004, 5), row(1005, 50), row(1007, 70)]
        clock.seconds = 1007 * 60 + 20
        table = try live.refresh()
        // 1000...1004 were complete at 1005:30; minute 1004's late order is not fetched again.
        #expect(source.requests.map(\.from) == [1000, 1005])
        #expect(source.requests.map(\.through) == [1005, 1007])
        #expect(table.revenueCents == [100, 0, 0, 300, 0, 50, 0, 70])
        clock.seconds = 1007 * 60 + 40
        table = try live.refresh()
        #expect(source.requests.last?.from == 1007)
        #expect(table.count == 8 && table.totalCents == 520)
    }

    @Test func minuteInSettlingIsFetchedAgain() throws {
        let source = ScriptedSource()
        let clock = TestClock(1010 * 60 + 3)
        let live = LiveOrderQuery(source: source, query: query, retry: PauseLog().policy, settleSeconds: 5,
                                  clock: { clock.seconds })
        try live.refresh()
        source.rows = [row(1009, 9)]
        clock.seconds += 10
        #expect(try live.refresh().revenueCents.last == 0)
        #expect(try live.refresh().revenueCents.suffix(2) == [9, 0])
        #expect(source.requests.map(\.from) == [1000, 1009, 1010])
    }

    @Test func nothingIsAskedPastTheWindow() throws {
        let source = ScriptedSource()
        let clock = TestClock(1200 * 60)
        let live = LiveOrderQuery(source: source, query: query, retry: PauseLog().policy, clock: { clock.seconds })
        #expect(try live.refresh().count == 101)
        clock.seconds += 600
        #expect(try live.refresh().count == 101)
        #expect(source.requests.count == 1)
    }

    @Test func lostConnectionIsRetriedWithBackOffAndReported() throws {
        let source = ScriptedSource()
        source.rows = [row(1001, 11)]
        source.failures = [ScriptedSource.lost, ScriptedSource.lost]
        let pauses = PauseLog()
        var reports: [String] = []
        let live = LiveOrderQuery(source: source, query: query, retry: pauses.policy, clock: { 1002 * 60 + 30 })
        let table = try live.refresh { reports.append($0) }
        #expect(table.revenueCents == [0, 11, 0])
        #expect(pauses.pauses == [0.5, 1])
        #expect(reports == [
            "live query on 'orders': query on 'postgres://shop@db/sales' failed: server closed the connection; retry 1 of 3 in 0.5 s",
            "live query on 'orders': query on 'postgres://shop@db/sales' failed: server closed the connection; retry 2 of 3 in 1 s",
            "live query on 'orders': connection back after 2 retries",
        ])
    }

    @Test func givesUpWithAnErrorAndKeepsTheTable() throws {
        let source = ScriptedSource()
        source.rows = [row(1000, 10)]
        let clock = TestClock(1001 * 60 + 30)
        let pauses = PauseLog()
        let live = LiveOrderQuery(source: source, query: query, retry: pauses.policy, clock: { clock.seconds })
        let before = try live.refresh()
        source.failures = Array(repeating: ScriptedSource.lost, count: 4)
        clock.seconds += 60
        #expect(throws: OrderSourceError("query on 'postgres://shop@db/sales' failed: server closed the connection"
                                         + " (gave up after 3 retries)", connectionLost: true)) {
            try live.refresh()
        }
        #expect(live.table == before)
        #expect(pauses.pauses == [0.5, 1, 2])
        #expect(try live.refresh().count == 3)
        #expect(source.requests.last?.from == 1001)
    }

    @Test func otherErrorsAreNotRetried() throws {
        let source = ScriptedSource()
        source.failures = [OrderSourceError("no table 'orders' in 'postgres://db/sales'")]
        let pauses = PauseLog()
        let live = LiveOrderQuery(source: source, query: query, retry: pauses.policy, clock: { 1001 * 60 })
        #expect(throws: OrderSourceError("no table 'orders' in 'postgres://db/sales'")) { try live.refresh() }
        #expect(pauses.pauses.isEmpty && source.requests.count == 1)
    }

    @Test func withoutWindowStartsAtTheFirstOrder() throws {
        let source = ScriptedSource()
        let clock = TestClock(500 * 60)
        let open = try MinuteQuery(table: "orders", time: "t", amount: "a")
        let live = LiveOrderQuery(source: source, query: open, retry: PauseLog().policy, clock: { clock.seconds })
        #expect(try live.refresh().count == 0)
        source.rows = [row(501, 1)]
        clock.seconds = 503 * 60
        #expect(try live.refresh().revenueCents == [1, 0, 0])
        #expect(source.requests.map(\.from) == [nil, 499])
    }
}
