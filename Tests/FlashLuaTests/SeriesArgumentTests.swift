import FlashLua
import LuaBridge
import SaleData
import Testing
import TestSupport

/// `call.series(at:)` as other libraries use it: a global `run(s)` returning the series' summary.
@Suite struct SeriesArgumentTests {
    func state() throws -> LuaState {
        let state = try FlashLua.makeState()
        state.setGlobal("run") { call in
            let series = try call.series(at: 1, start: 27_024_480, step: 5)
            call.push(series.description)
            call.push(series.map { $0 * 2 })
            return 2
        }
        return state
    }

    @Test func acceptsSeriesAndArraysOfNumbers() throws {
        let state = try state()
        #expect(try state.execute("return run(series.new{1, 2, step=15, start=0})")
            == ["Series(2 values from 1970-01-01 00:00, step 15m, non-decreasing to 2)", "Series(2 values from 1970-01-01 00:00, step 15m, non-decreasing to 4)"])
        #expect(try state.execute("local _, d = run{1.5, 2} return d:sum(), d.start, d.step")
            == ["7.0", "2021-05-20T00:00", "5"])
        #expect(try state.execute("return run{}") == ["Series(empty, step 5m)", "Series(empty, step 5m)"])
    }

    @Test(arguments: [
        ("run({a=1})", "bad argument #1 to 'run' (Series expected, got table)"),
        ("run('x')", "bad argument #1 to 'run' (Series expected, got string)"),
        ("run()", "bad argument #1 to 'run' (Series expected, got no value)"),
        ("run(io.stdout)", "bad argument #1 to 'run' (Series expected, got FILE*)"),
        ("run{1, true}", "bad argument #1 to 'run' (number expected at index 2, got boolean)"),
    ])
    func refusesOtherValues(code: String, message: String) throws {
        #expect(luaError(try state(), code) == "test:1: " + message)
    }
}
