import FlashLua
import LuaBridge
import Testing
import TestSupport

/// `t` is 3 values from 2021-05-20T14:05 (+08:00): it overlaps the last three of `s`.
private let overlapSetup = "t = series.new{10, 20, 30, start='2021-05-20T14:05', tz='+08:00'} "

/// The values and start of the Series `code` evaluates to, after `seriesSetup` and `overlapSetup`.
private func valuesAndStart(_ code: String) throws -> [String] {
    try evaluate(overlapSetup + "local r = \(code) return table.concat(r:totable(), ','), r.start")
}

@Suite struct SeriesArithmeticTests {
    @Test(arguments: [
        ("s - t", "-10.0,-16.0,-28.0", "2021-05-20T14:05"), ("t / s", "inf,5.0,15.0", "2021-05-20T14:05"),
        ("s * 1.5", "1.5,4.5,0.0,6.0,3.0", "2021-05-20T14:03"), ("2 * s", "2.0,6.0,0.0,8.0,4.0", "2021-05-20T14:03"),
        ("-s", "-1.0,-3.0,-0.0,-4.0,-2.0", "2021-05-20T14:03"), ("s + '1'", "2.0,4.0,1.0,5.0,3.0", "2021-05-20T14:03"),
        ("s % 3", "1.0,0.0,0.0,1.0,2.0", "2021-05-20T14:03"), ("-s % 3", "2.0,-0.0,-0.0,2.0,1.0", "2021-05-20T14:03"),
        ("s // 2", "0.0,1.0,0.0,2.0,1.0", "2021-05-20T14:03"), ("s ^ 2", "1.0,9.0,0.0,16.0,4.0", "2021-05-20T14:03"),
        ("s - s:shift(1)", "2.0,-3.0,4.0,-2.0", "2021-05-20T14:04"), ("s:shift(-2)", "1.0,3.0,0.0,4.0,2.0", "2021-05-20T14:01"),
        ("t - s:shift(t.start)", "9.0,17.0,30.0", "2021-05-20T14:05"),
        ("s:map(function(v, i) return v * i end)", "1.0,6.0,0.0,16.0,10.0", "2021-05-20T14:03"),
        ("s:map(function(v) return v > 1 end)", "0.0,1.0,0.0,1.0,1.0", "2021-05-20T14:03"),
        ("s:gt(1)", "0.0,1.0,0.0,1.0,1.0", "2021-05-20T14:03"), ("s:le(t / 10)", "1.0,0.0,1.0", "2021-05-20T14:05"),
        ("s:ne(0)", "1.0,1.0,0.0,1.0,1.0", "2021-05-20T14:03"), ("s:eq(t - 10)", "1.0,0.0,0.0", "2021-05-20T14:05"),
        ("s:where(s:ge(3))", "0.0,3.0,0.0,4.0,0.0", "2021-05-20T14:03"),
        ("s:where(function(v) return v < 3 end, -1)", "1.0,-1.0,0.0,-1.0,2.0", "2021-05-20T14:03"),
        ("s:rolling(2, 'sum')", "4.0,3.0,4.0,6.0", "2021-05-20T14:04"), ("s:rolling(2, 'mean')", "2.0,1.5,2.0,3.0", "2021-05-20T14:04"),
        ("s:rolling(3, 'max')", "3.0,4.0,4.0", "2021-05-20T14:05"), ("s:rolling(2, 'min')", "1.0,0.0,0.0,2.0", "2021-05-20T14:04"),
        ("s:rolling(3, function(w) return w:max() - w:min() end)", "3.0,4.0,4.0", "2021-05-20T14:05"),
        ("s:rolling(9, 'sum')", "", "2021-05-20T14:08"), ("select(2, s:align(t))", "10.0,20.0,30.0", "2021-05-20T14:05"),
        ("select(1, s:align(t:resample(5), 'sum'))", "6.0", "2021-05-20T14:05"),
    ])
    func computesSeries(code: String, values: String, start: String) throws {
        #expect(try valuesAndStart(code) == [values, start])
    }

    @Test func findsExtremesWithTheirTimes() throws {
        #expect(try evaluate("return s:argmax()") == ["4.0", "2021-05-20T14:06", "4"])
        #expect(try evaluate("return s:argmin()") == ["0.0", "2021-05-20T14:05", "3"])
        #expect(try evaluate("return series.new{start=0}:argmax(), (s / 0 * 0):argmin()") == ["nil", "nil"])
    }

    @Test func moneySumsAndSavesExactly() throws {
        #expect(try evaluate("""
            local m = series.new{0.1, 0.2, 93351.81, start='2021-05-20T00:00'}
            return table.concat(m:cumsum():totable(), ','), m:sum(), tostring(m:cumsum())
            """) == ["0.1,0.3,93352.11", "93352.11", "Series(3 minutes from 2021-05-20 00:00, step 1m, non-decreasing to 93.35k)"])
    }

    @Test(arguments: [
        ("s + series.new{1, start='2021-05-20T14:00', step=5}",
         "test:1: series steps differ (1 and 5 minutes): resample first, as s:resample(5), or align with s:align(t, 'sum')"),
        ("s + series.new{1, start='2022-05-20T14:00'}",
         "test:1: series do not overlap in time (2021-05-20T14:03..2021-05-20T14:07 and 2022-05-20T14:00..2022-05-20T14:00): move one with s:shift(n)"),
        ("s:resample(5) + series.new{1, start='2021-05-20T14:02', step=5, tz='+08:00'}",
         "test:1: series times do not line up: they start 2 minutes apart with a step of 5"),
        ("s + {}", "test:1: attempt to perform arithmetic on a table value"),
        ("s * 'x'", "test:1: attempt to perform arithmetic on a string value"),
        ("nil - s", "test:1: attempt to perform arithmetic on a nil value"),
        ("s < s", "test:1: attempt to compare two Series values"),
        ("s:map()", "test:1: bad argument #1 to 'map' (function expected, got no value)"),
        ("s:map(function() end)", "test:1: 'map' function returned nil for value 1 (number expected)"),
        ("s:map(function() error('boom') end)", "test:1: boom"),
        ("s:gt({})", "test:1: bad argument #1 to 'gt' (number or Series expected, got table)"),
        ("s:where(1)", "test:1: bad argument #1 to 'where' (Series or function expected, got number)"),
        ("s:rolling(0, 'sum')", "test:1: bad argument #1 to 'rolling' (window must be at least 1, got 0)"),
        ("s:rolling(2, 'median')",
         "test:1: bad argument #2 to 'rolling' (must be one of 'sum', 'mean', 'min', 'max' or a function, got 'median')"),
        ("s:rolling(2, function(w) return w end)", "test:1: 'rolling' function returned Series for value 2 (number expected)"),
        ("s:shift(math.maxinteger)",
         "test:1: bad argument #1 to 'shift' (shift of 9223372036854775807 steps reaches beyond 1e15 seconds from 1970)"),
        ("s:shift(0.5)", "test:1: bad argument #1 to 'shift' (number has no integer representation)"),
        ("s:shift('soon')", "test:1: bad argument #1 to 'shift' (time expected, got 'soon')"),
        ("s:shift(-1e15)", "test:1: bad argument #1 to 'shift' (shift of -1000000000000000 steps reaches beyond 1e15 seconds from 1970)"),
        ("s:align(5)", "test:1: bad argument #1 to 'align' (Series expected, got number)"),
        ("s:align(s, 'median')", "test:1: bad argument #2 to 'align' (must be one of 'sum', 'mean', 'last', 'max', got 'median')"),
    ])
    func misuseRaisesLuaStyleErrors(code: String, message: String) throws {
        let state = try FlashLua.makeState()
        try state.execute(seriesSetup)
        #expect(luaError(state, "local r = " + code) == message)
    }

    /// Hostile inputs found by hand and by the loop below: each must give a result or a Lua error,
    /// never crash the host.
    @Test(arguments: [
        "s * (0/0)", "s / 0", "s ^ 1e308", "s + math.huge - math.huge", "-(s / 0)", "s // 0", "s % 0", "s % math.huge",
        "s:rolling(math.maxinteger, 'max')", "s:rolling(math.mininteger, 'sum')", "(s / 0 * 0):rolling(2, 'min')",
        "(s * (0/0)):rolling(3, 'sum')", "series.new{start=0}:rolling(1, 'sum')", "series.new{start=0} - s", "s:shift(-math.maxinteger)",
        "s:shift(16666666666666)", "s:map(function(v) return 0/0 end)", "s:map(function(v) return s:map(math.abs):sum() end)",
        "s:map(function(v) return s:map(function() return s:rolling(2, function(w) return w:sum() end):sum() end):sum() end)",
        "s:where(s / 0)", "s:where(s, 0/0)", "s:gt(0/0)", "s:eq(s)", "(s/0):argmax()", "s:align(s:shift(4))",
        "series.new{start=0}:align(series.new{start=0}, 'sum')", "s:rolling(2, function(w) return w:rolling(1, 'max'):sum() end)",
        "s:map(function(v) local f; f = function(n) return n > 0 and f(n - 1) or v end; return f(100) end)",
    ])
    func hostileInputsNeverCrash(code: String) throws {
        let state = try FlashLua.makeState()
        try state.execute(seriesSetup)
        _ = luaError(state, "local r = " + code + " return tostring(r)")
    }

    @Test func deepRecursionThroughCallbacksStopsWithALuaError() throws {
        let state = try FlashLua.makeState()
        try state.execute(seriesSetup + "function deep(v) return s:map(deep):sum() end")
        let message = luaError(state, "return s:map(deep)") ?? ""
        #expect(message.contains("stack overflow"))
    }

    @Test func randomProgramsOfSeriesOperationsNeverCrash() throws {
        let operands = ["s", "t", "s:shift(1)", "series.new{start=0}", "(s/0)", "2", "0/0", "-1", "math.huge", "'3'", "{}", "nil",
                        "s:resample(5)", "true"]
        let operations = ["+", "-", "*", "/", "%", "^", "//"]
        let methods = ["map(math.abs)", "gt(%@)", "where(%@)", "rolling(%@, 'max')", "rolling(%@, 'sum')", "shift(%@)",
                       "align(%@)", "argmax()", "cumsum()", "diff()"]
        var generator = SystemRandomNumberGenerator()
        let state = try FlashLua.makeState()
        try state.execute(seriesSetup + overlapSetup)
        for _ in 0..<400 {
            let left = operands.randomElement(using: &generator)!, right = operands.randomElement(using: &generator)!
            let method = methods.randomElement(using: &generator)!.replacingOccurrences(of: "%@", with: right)
            let code = "local r = (\(left) \(operations.randomElement(using: &generator)!) \(right)):\(method) return tostring(r)"
            _ = luaError(state, code)
        }
        #expect(try state.execute("return #s") == ["5"])
    }
}
