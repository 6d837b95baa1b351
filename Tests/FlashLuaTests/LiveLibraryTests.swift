@testable import FlashLua
import Forecasting
import Foundation
import LuaBridge
import SaleData
import Synchronization
import TemporaryFolders
import Testing
import TestSupport

/// The `live` library on a small hand-made sale whose figures are worked out by hand.
@Suite struct LiveLibraryTests {
    @TemporaryFolder("flashcast-live") var folder

    /// Four orders in three minutes: 15, 20 and 15 per minute, 50 in all.
    func export() throws -> String {
        let path = folder.appendingPathComponent("live.csv").path
        try """
        order_id,order_time,customer,amount
        1,2021-05-20T00:00:10,a,10.00
        2,2021-05-20T00:00:50,b,5.00
        3,2021-05-20T00:01:20,a,20.00
        4,2021-05-20T00:02:05,c,15.00

        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func state(opening options: String) throws -> LuaState {
        let state = try FlashLua.makeState()
        try state.execute("sale = live.open('\(try export())', \(options))")
        return state
    }

    @Test func paceComparesRevenueWithTheTargetSpreadLikeTheEarlierSale() throws {
        // The earlier sale made 40 of its 100 in its first 3 of 5 minutes: the plan for minute 3 is 40% of 100.
        let state = try state(opening: "{history = series.new{10, 10, 20, 40, 20, start=0}, target = 100, progress = false}")
        let values = try state.execute("local s = live.refresh() return s.revenue, s.minute, s.minutes, s.pace, s.new_orders, s.alert")
        #expect(values == ["50.0", "3", "5", "1.25", "4", "ok"])
        let block = try state.execute("return tostring(sale.status)")[0].split(separator: "\n")
        #expect(block[0] == "now 2021-05-20 00:02 (UTC): minute 3 of 5 (60.0%)")
        #expect(block[1] == "revenue so far   50   +50 from 4 new orders")
        #expect(block[3] == "target           100   pace 125% of plan")
        #expect(block[4] == "alert            none")
    }

    @Test func withoutAnEarlierSaleThePlanIsEvenAndRefreshReadsOnlyNewOrders() throws {
        let state = try state(opening: "{minutes = 10, target = 200, progress = false}")
        #expect(try state.execute("return string.format('%.6f', sale:refresh().pace)") == ["0.833333"])  // 50 / (200 * 3/10)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: try state.execute("return sale.path")[0]))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("5,2021-05-20T00:03:30,d,30.00\n".utf8))
        try handle.close()
        let values = try state.execute("local s = refresh and refresh() or live.refresh() return s.new_orders, s.new_revenue, s.revenue, s.minute")
        #expect(values == ["1", "30.0", "80.0", "4"])
    }

    /// A live sale's fields follow its refreshes (read afresh, documented in its help); a status is
    /// a snapshot whose every field reads the same each time.
    @Test func liveSaleFieldsAreReadAfreshAndAStatusIsASnapshot() throws {
        let state = try state(opening: "{minutes = 10, target = 200, progress = false}")
        try state.execute("first = sale:refresh() revenue = sale.revenue")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: try state.execute("return sale.path")[0]))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("5,2021-05-20T00:03:30,d,30.00\n".utf8))
        try handle.close()
        let names = LiveStatusObject.luaClass.fields.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
        let values = try state.execute("""
            local second = sale:refresh()
            local differing = {}
            for _, name in ipairs({\(names)}) do
              if not rawequal(first[name], first[name]) then differing[#differing + 1] = name end
            end
            return #revenue, #sale.revenue, rawequal(sale.status, second), first.revenue, second.revenue, table.concat(differing, ",")
            """)
        #expect(values == ["3", "4", "false", "50.0", "80.0", ""])
    }

    @Test func theEndOfTheSaleIsATimeOrALength() throws {
        let state = try state(opening: "{['end'] = '2021-05-20T01:59', progress = false}")
        #expect(try state.execute("return live.refresh().minutes") == ["120"])
        let unknown = try self.state(opening: "{progress = false}")
        #expect(try unknown.execute("return live.refresh().forecast_note")[0].hasPrefix("unknown: the sale's end is not known"))
    }

    @Test func theForecastRunsToTheEndOfTheSaleAndIsKeptUntilItAges() throws {
        let state = try FlashLua.makeState()
        let path = folder.appendingPathComponent("simulated.csv").path
        try state.execute("orders.simulate{path = '\(path)', minutes = 600, orders = 6000, seed = 3}")
        try state.execute("sale = live.open('\(path)', {minutes = 1440, target = 1e9, progress = false})")
        let first = try state.execute("local s = live.refresh() return s.model, s.lower <= s.forecast and s.forecast <= s.upper, s.forecast > s.revenue, s.alert")
        #expect(first == ["flashcast", "true", "true", "below_target"])
        #expect(try state.execute("return sale.status.alert_text")[0].hasPrefix("BELOW TARGET: forecast "))
        #expect(try state.execute("return tostring(sale.status)")[0].contains(", flashcast @09:59 new\n"))
        // Nothing new: the kept forecast stands, with the same end total.
        let again = try state.execute("local before = sale.status.forecast return live.refresh().forecast == before")
        #expect(again == ["true"])
        #expect(try state.execute("return tostring(sale.status)")[0].contains(", flashcast @09:59\n"))
    }

    @Test func trainingReportsItsProgressEpochByEpoch() throws {
        let revenue = Series(start: 0, values: (0..<300).map { 10 + Double($0 % 60) })
        var options = ForecastOptions(cutoff: 239, train: 200, horizon: 30, model: .paper)
        options.epochs = 4
        let heard = Mutex<[Double]>([])
        _ = try ForecastProgress.listening({ share in heard.withLock { $0.append(share) } }) {
            try Forecaster.forecast(revenue: revenue, options: options)
        }
        #expect(heard.withLock { $0 } == [0.25, 0.5, 0.75, 1])
    }

    @Test func beforeTheFirstOrderTheStatusSaysSo() throws {
        let state = try state(opening: "{now = '2021-05-19T23:00', minutes = 10, progress = false}")
        let block = try state.execute("return tostring(live.refresh())")[0].split(separator: "\n")
        #expect(block[0] == "now: no orders yet (UTC)")
        #expect(block[2] == "forecast at end  not yet: no orders so far")
    }

    @Test func misuseReadsLikeLua() throws {
        let state = try FlashLua.makeState()
        #expect(luaError(state, "live.refresh()")
            == "test:1: no sale is followed: call live.open(path, options) first (or start 'flashcast repl --orders FILE' or '--db URL --table NAME')")
        let path = try export()
        #expect(luaError(state, "live.open('\(path)', {minutes = 10, ['end'] = '2021-05-20T01:00'})")
            == "test:1: bad argument #2 to 'open' (option 'minutes' cannot go with 'end')")
        #expect(luaError(state, "live.open('\(path)', {target = -5})")
            == "test:1: bad argument #2 to 'open' (option 'target' must be a positive amount)")
        #expect(luaError(state, "live.open('\(path)', {target = 1e308})")
            == "test:1: bad argument #2 to 'open' (option 'target' must be below 1e15)")
        #expect(luaError(state, "live.open('\(path)', {history = 3})")
            == "test:1: bad argument #2 to 'open' (option 'history' must be an orders file or a Series, got number)")
        #expect(luaError(state, "live.open('\(path)', {tragett = 5})") == "test:1: bad argument #2 to 'open' (unknown option 'tragett')")
        #expect(luaError(state, "live.open('\(path)'):watch(0)")
            == "test:1: bad argument #1 to 'watch' (must be a positive number of seconds, got 0.0)")
    }

    @Test func helpFindsTheREPLsGlobalsByName() throws {
        let state = try FlashLua.makeState()
        try state.execute("refresh, watch = live.refresh, live.watch")
        #expect(luaError(state, "help('refresh') help(watch) help('live')") == nil)
    }
}
