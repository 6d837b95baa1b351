@testable import FlashLua
import Foundation
import LuaBridge
@testable import OrderSources
import SaleReports
import Testing
import TestSupport

/// `live.open{db=...}`: a sale followed in its database asks only for the minutes after the last
/// complete one, and a lost connection shows in the status instead of stopping the session.
@Suite struct LiveDatabaseTests {
    /// 2021-05-20T00:00 UTC, the sale's first minute.
    static let start = 1_621_468_800 / 60

    /// Four orders in minutes 0, 1, 4 and 9 of the sale: 42.50 in all.
    static func fillFirstMinutes(_ table: OrdersTableFixture) throws {
        for (offset, customer, total) in [(10, "a", 10.0), (80, "b", 20.0), (245, "a", 5.5), (570, "c", 7.0)] {
            try table.insert(second: start * 60 + offset, customer: customer, total: total)
        }
    }

    /// Orders are added between refreshes: the second refresh asks from the minute that was in
    /// progress (9) to now (11), so an order committed late into complete minute 3 is not seen.
    static func checkOnlyNewMinutesAreAsked(_ table: OrdersTableFixture) throws {
        try fillFirstMinutes(table)
        let clock = ManualClock(start * 60 + 9 * 60 + 40)
        let state = try followedSale(table, start: start, clock: clock)
        let first = try state.execute("""
            local s = live.refresh() return sale.asked, s.revenue, s.new_orders, s.minute, s.stale, s.source_note
            """)
        #expect(first == ["2021-05-20T00:00 .. 2021-05-20T00:09", "42.5", "4", "10", "false", "nil"])
        for (offset, customer, total) in [(590, "d", 3.0), (601, "e", 4.0), (180, "f", 100.0)] {
            try table.insert(second: start * 60 + offset, customer: customer, total: total)
        }
        clock.seconds = start * 60 + 11 * 60 + 10
        let second = try state.execute("""
            local s = live.refresh() return sale.asked, s.revenue, s.new_orders, s.new_minutes, s.minute, sale.revenue[4]
            """)
        #expect(second == ["2021-05-20T00:09 .. 2021-05-20T00:11", "49.5", "2", "2", "12", "0.0"])
        #expect(try state.execute("return tostring(sale)") == ["LiveSale(table '\(table.table)' of '\(table.url)', 12 minutes read)"])
    }

    @Test func sqliteIsAskedOnlyForTheNewMinutes() throws {
        try Self.checkOnlyNewMinutesAreAsked(try SQLiteOrdersTable())
    }

    @Test func aLostConnectionIsRetriedThenReportedInTheStatusAndTheNextRefreshTriesAgain() throws {
        let table = try SQLiteOrdersTable()
        try Self.fillFirstMinutes(table)
        let flaky = FlakySource(table.source)
        let clock = ManualClock(Self.start * 60 + 9 * 60 + 40)
        let state = try followedSale(table, source: flaky, start: Self.start, clock: clock)
        flaky.failures = 1
        #expect(try state.execute("local s = live.refresh() return s.revenue, s.stale, s.source_note")
            == ["42.5", "false", "live query on 'orders': connection back after 1 retry"])
        #expect(try state.execute("return tostring(sale.status)")[0]
            .hasSuffix("\nsource           live query on 'orders': connection back after 1 retry"))

        try table.insert(second: Self.start * 60 + 610, customer: "d", total: 4)
        clock.seconds += 120
        flaky.failures = 3  // the first attempt and both retries
        let lost = try state.execute("local s = live.refresh() return s.revenue, s.new_orders, s.stale, s.source_note, s.now")
        #expect(lost == ["42.5", "0", "true", "query on 'postgres://shop@db/sales' failed: server closed the connection"
            + " (gave up after 2 retries); figures as of 00:09, the next refresh tries again", "2021-05-20T00:09"])
        flaky.failures = 6  // two refreshes lost: the watch goes on
        #expect(try state.execute("""
            local seen = {}
            live.watch(0.01, 2, function(s) seen[#seen + 1] = tostring(s.stale) end)
            return table.concat(seen, ",")
            """) == ["true,true"])
        let back = try state.execute("local s = live.refresh() return s.revenue, s.new_orders, s.stale, s.source_note")
        #expect(back == ["46.5", "1", "false", "nil"])
    }

    @Test func aConnectionLostBeforeTheFirstFiguresIsALuaError() throws {
        let table = try SQLiteOrdersTable()
        let flaky = FlakySource(table.source)
        flaky.failures = 3
        let state = try followedSale(table, source: flaky, start: Self.start, clock: ManualClock(Self.start * 60))
        #expect(luaError(state, "live.refresh()")
            == "test:1: query on 'postgres://shop@db/sales' failed: server closed the connection (gave up after 2 retries)")
        #expect(try state.execute("return live.refresh().minute") == ["1"])
    }

    @Test func liveOpenFollowsTheTableAsTheClockRuns() throws {
        let table = try SQLiteOrdersTable()
        let now = Int(Date().timeIntervalSince1970)
        for (ago, total) in [(300, 10.0), (200, 20.0), (100, 30.0)] {
            try table.insert(second: now - ago, customer: "a", total: total)
        }
        let state = try FlashLua.makeState()
        let first = try state.execute("""
            sale = assert(live.open{db = '\(table.url)', table = 'orders', time = 'created_at', amount = 'total',
                                    customer = 'customer', minutes = 60, progress = false})
            local s = sale:refresh() return s.revenue, s.new_orders, sale.source, sale.path
            """)
        #expect(first == ["60.0", "3", "table 'orders' of '\(table.url)'", "nil"])
        // Stamped now: in the minute in progress or a later one, never in one already complete.
        try table.insert(second: Int(Date().timeIntervalSince1970), customer: "b", total: 15)
        #expect(try state.execute("local s = live.refresh() return s.revenue, s.new_orders") == ["75.0", "1"])
    }

    @Test(arguments: [
        ("{db='sqlite:x.db', url='sqlite:x.db', table='orders', time='t', amount='a'}",
         "bad argument #1 to 'open' (option 'url' cannot go with 'db')"),
        ("{db='sqlite:x.db', time='t', amount='a'}", "bad argument #1 to 'open' (option 'table' is needed)"),
        ("{table='orders', time='t', amount='a'}", "bad argument #1 to 'open' (option 'db' is needed)"),
        ("{db='sqlite:x.db', table='orders', time='t', amount='a', where=\"s = 'x' or 1=1\"}",
         "bad argument #1 to 'open' (bad 'where' near 'or 1=1' (comparisons of a column with values, joined by"
            + " 'and', expected))"),
        ("{db='sqlite:x.db', table='orders', time='t', amount='a', to='2021-05-20'}",
         "bad argument #1 to 'open' (unknown option 'to')"),
        ("{db='sqlite:x.db', table='orders', time='t', amount='a', minutes=0}",
         "bad argument #1 to 'open' (option 'minutes' must be at least 1)"),
    ])
    func misuseReadsLikeLua(options: String, message: String) throws {
        #expect(luaError(try FlashLua.makeState(), "live.open\(options)") == "test:1: " + message)
    }
}
