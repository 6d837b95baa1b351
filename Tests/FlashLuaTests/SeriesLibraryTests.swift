import FlashLua
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

/// `s` is 5 values from 2021-05-20T14:03 (+08:00), one per minute.
let seriesSetup = "s = series.new{1, 3, 0, 4, 2, start='2021-05-20T14:03', tz='+08:00'} "

/// Runs `code` after `seriesSetup` and returns its results as strings.
func evaluate(_ code: String, state: LuaState? = nil) throws -> [String] {
    let state = try state ?? FlashLua.makeState()
    return try state.execute(seriesSetup + code)
}

@Suite struct SeriesLibraryTests {
    @Test func lengthIndexAndFields() throws {
        #expect(try evaluate("return #s, s[1], s[5], s[0], s[6], s[1.5], s.start, s.step, s.tz, s.nosuch")
            == ["5", "1.0", "2.0", "nil", "nil", "nil", "2021-05-20T14:03", "1", "+08:00", "nil"])
    }

    @Test func summariesMatchHandComputedValues() throws {
        #expect(try evaluate("return s:sum(), s:mean(), s:max(), s:min()") == ["10.0", "2.0", "4.0", "0.0"])
        #expect(try evaluate("local e = series.new{start=0} return #e, e:sum(), e:mean(), e:max(), tostring(e)")
            == ["0", "0.0", "nil", "nil", "Series(empty, step 1m)"])
        #expect(try evaluate("return tostring(s)") == ["Series(5 minutes from 2021-05-20 14:03, step 1m, sum 10)"])
    }

    @Test func cumsumDiffAndTotable() throws {
        #expect(try evaluate("return table.concat(s:cumsum():totable(), ',')") == ["1.0,4.0,4.0,8.0,10.0"])
        #expect(try evaluate("local d = s:diff() return table.concat(d:totable(), ','), d.start")
            == ["2.0,-3.0,4.0,-2.0", "2021-05-20T14:04"])
    }

    @Test func atAndTimeUseTheSeriesZone() throws {
        #expect(try evaluate("return s:at('2021-05-20T14:04'), s:at('2021-05-20 14:04:59'), s:at('2021-05-20T06:05Z')")
            == ["3.0", "3.0", "0.0"])
        #expect(try evaluate("return s:at('2021-05-20T14:08'), s:at(1621490580), s:time(2), s:time(6)")
            == ["nil", "1.0", "2021-05-20T14:04", "nil"])
    }

    @Test(arguments: [
        ("s:slice(2, 3)", "3.0,0.0", "2021-05-20T14:04"), ("s:slice(-2)", "4.0,2.0", "2021-05-20T14:06"),
        ("s:slice(0, 99)", "1.0,3.0,0.0,4.0,2.0", "2021-05-20T14:03"), ("s:slice(4, 2)", "", "2021-05-20T14:06"),
        ("s:slice('2021-05-20T14:05', '2021-05-20T14:06')", "0.0,4.0", "2021-05-20T14:05"),
        ("s:slice('2021-05-20T14:04:30')", "3.0,0.0,4.0,2.0", "2021-05-20T14:04"),
        ("s:slice(2, '2021-05-20T14:04')", "3.0", "2021-05-20T14:04"),
    ])
    func slicesByIndexOrTime(code: String, values: String, start: String) throws {
        #expect(try evaluate("local t = \(code) return table.concat(t:totable(), ','), t.start") == [values, start])
    }

    @Test func resamplesOnTheShopClock() throws {
        #expect(try evaluate("local r = s:resample(5) return table.concat(r:totable(), ','), r.start, r.step")
            == ["4.0,6.0", "2021-05-20T14:00", "5"])
        #expect(try evaluate("return table.concat(s:resample(5, 'max'):totable(), ',')") == ["3.0,4.0"])
        #expect(try evaluate("return tostring(s:resample(15))")
            == ["Series(1 values from 2021-05-20 14:00, step 15m, sum 10)"])
    }

    @Test func savesAndLoadsCSV() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("s.csv")
        #expect(try evaluate("""
            assert(s:save_csv('\(path)', 'revenue'))
            local t = assert(series.load_csv('\(path)', {tz='+08:00'}))
            return t == s, t == s:slice(2), #t, t.start, t:sum(), io.open('\(path)'):read('l')
            """) == ["true", "false", "5", "2021-05-20T14:03", "10.0", "minute,revenue"])
        #expect(try evaluate("return series.load_csv('/nonexistent/s.csv')") == ["nil", "cannot open '/nonexistent/s.csv': no such file or directory"])
        let bad = folder.file("bad.csv")
        try "minute,value\n2021-05-20T14:03,1\n2021-05-20T14:04,x\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(try evaluate("return series.load_csv('\(bad)')") == ["nil", "bad.csv:3:2: value is not a number: 'x'"])
        #expect(try evaluate("return s:save_csv('/nonexistent/s.csv')") == ["nil", "cannot write '/nonexistent/s.csv': no such file or directory"])
    }

    @Test(arguments: [
        ("series.new{1, 'x', start=0}", "bad argument #1 to 'new' (number expected at index 2, got string)"),
        ("series.new{1, step=0, start=0}", "bad argument #1 to 'new' (option 'step' must be at least 1)"),
        ("series.new{1, tz='Mars/Base'}", "bad argument #1 to 'new' (option 'tz' must be a time zone, got 'Mars/Base')"),
        ("series.new{1, start='soon'}", "bad argument #1 to 'new' (option 'start' must be a time, got 'soon')"),
        ("series.new{1, 2}", "bad argument #1 to 'new' (option 'start' is required: the time of the first value, such as '2021-05-20T00:00' (0 for 1970-01-01T00:00 UTC))"),
        ("series.new{1, stat=1, start=0}", "bad argument #1 to 'new' (unknown option 'stat')"),
        ("s:at({})", "bad argument #1 to 'at' (time expected, got table)"),
        ("s:at('noon')", "bad argument #1 to 'at' (time expected, got 'noon')"),
        ("s:slice(true)", "bad argument #1 to 'slice' (number or time expected, got boolean)"),
        ("s:slice(1.5)", "bad argument #1 to 'slice' (number has no integer representation)"),
        ("s:resample(5):resample(7)", "bad argument #1 to 'resample' (step 7 is not a multiple of the series' step 5)"),
        ("s:resample(5, 'median')", "bad argument #2 to 'resample' (must be one of 'sum', 'mean', 'last', 'max', got 'median')"),
        ("s.sum({})", "bad argument #1 to 'sum' (Series expected, got table)"),
        ("series.load_csv()", "bad argument #1 to 'load_csv' (string expected, got no value)"),
    ])
    func misuseRaisesLuaStyleErrors(code: String, message: String) throws {
        let state = try FlashLua.makeState()
        try state.execute(seriesSetup)
        #expect(luaError(state, code) == "test:1: " + message)
    }
}
