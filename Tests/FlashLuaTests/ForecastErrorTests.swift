import FlashLua
import Foundation
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

/// Misuse of the `forecast` library raises Lua-style errors naming the argument or option.
@Suite struct ForecastErrorTests {
    static let setup = """
        local values = {start = "2021-11-11T00:00", tz = "+08:00"}
        for i = 1, 1500 do values[i] = 100 + i % 60 end
        revenue = series.new(values)
        fc = forecast.run(revenue, {cutoff = 1200, horizon = 100})

        """

    @Test(arguments: [
        ("forecast.run()", "bad argument #1 to 'run' (Series expected, got no value)"),
        ("forecast.run('x')", "bad argument #1 to 'run' (Series expected, got string)"),
        ("forecast.run(revenue, 5)", "bad argument #2 to 'run' (table expected, got number)"),
        ("forecast.run(revenue, {horizn = 5})", "bad argument #2 to 'run' (unknown option 'horizn')"),
        ("forecast.run(revenue, {train = 'long'})", "bad argument #2 to 'run' (option 'train' number expected, got string)"),
        ("forecast.run(revenue, {train = 0})", "bad argument #2 to 'run' (option 'train' must be positive, got 0)"),
        ("forecast.run(revenue, {horizon = 2.5})", "bad argument #2 to 'run' (option 'horizon' must be an integer)"),
        ("forecast.run(revenue, {horizon = 1/0})", "bad argument #2 to 'run' (option 'horizon' must be an integer)"),
        ("forecast.run(revenue, {seed = math.maxinteger})",
         "bad argument #2 to 'run' (option 'seed' must be between -9e15 and 9e15, got 9.223372036854776e+18)"),
        ("forecast.run(revenue, {train = 2^60})",
         "bad argument #2 to 'run' (option 'train' must be between -9e15 and 9e15, got 1152921504606846976)"),
        ("forecast.run(revenue, {level = 1.5})",
         "bad argument #2 to 'run' (option 'level' must be between 0 and 1 (0.8 for 80%), got 1.5)"),
        ("forecast.run(revenue, {level = {0.5, 1}})",
         "bad argument #2 to 'run' (option 'level' must be between 0 and 1 (0.8 for 80%), got 1.0)"),
        ("forecast.run(revenue, {level = {}})", "bad argument #2 to 'run' (option 'level' must hold at least one level)"),
        ("forecast.run(revenue, {level = {0.5, 'x'}})", "bad argument #2 to 'run' (option 'level' number expected at index 2, got string)"),
        ("forecast.run(revenue, {level = '80%'})", "bad argument #2 to 'run' (option 'level' number or list of numbers expected, got string)"),
        ("fc:band('wide')", "bad argument #1 to 'band' (number expected, got string)"),
        ("fc:band(0.9)", "bad argument #1 to 'band' (no 0.9 band (levels 0.8))"),
        ("forecast.run(revenue, {model = 'arima'})",
         "bad argument #2 to 'run' (option 'model' must be one of 'flashcast', 'paper', 'drift', 'seasonal_naive', 'profile', got 'arima')"),
        ("forecast.run(revenue, {seed = -1})", "bad argument #2 to 'run' (option 'seed' must not be negative)"),
        ("forecast.run(revenue, {cutoff = 0})",
         "bad argument #2 to 'run' (option 'cutoff' must be an index from 1 to 1500 or a time, got 0)"),
        ("forecast.run(revenue, {cutoff = 1501})",
         "bad argument #2 to 'run' (option 'cutoff' must be an index from 1 to 1500 or a time, got 1501)"),
        ("forecast.run(revenue, {cutoff = '2021-12-01T00:00'})",
         "bad argument #2 to 'run' (option 'cutoff' must be a time within the series (2021-11-11T00:00 to 2021-11-12T00:59), got '2021-12-01T00:00')"),
        ("forecast.run(revenue, {cutoff = 'noon'})",
         "bad argument #2 to 'run' (option 'cutoff' must be a time within the series (2021-11-11T00:00 to 2021-11-12T00:59), got 'noon')"),
        ("forecast.run(revenue, {cutoff = true})", "bad argument #2 to 'run' (option 'cutoff' number or time expected, got boolean)"),
        ("forecast.run(revenue, {cutoff = 500})",
         "bad argument #2 to 'run' (option 'train' does not fit: the training window is too short: only 500 minutes are observed up to the cutoff (row 499) (needs 1000 minutes, got 500))"),
        ("forecast.run(revenue, {model = 'profile'})",
         "bad argument #2 to 'run' (option 'history' is needed: model 'profile' needs an earlier sale: pass the earlier sale's per-minute revenue as 'history')"),
        ("forecast.run(revenue, {history = 'prev.csv'})", "bad argument #2 to 'run' (option 'history' Series expected, got string)"),
        ("forecast.run(revenue, {history = {1, 'x'}})",
         "bad argument #2 to 'run' (option 'history' number expected at index 2, got string)"),
        ("forecast.run(revenue, {history = {1, 0/0}})",
         "bad argument #2 to 'run' (option 'history' is not usable: the earlier sale's revenue at minute 1970-01-01T08:01 (row 1) is not a finite number)"),
        ("forecast.run({1, 2, 0/0})", "bad argument #1 to 'run' (the revenue at minute 1970-01-01T00:02 (row 2) is not a finite number)"),
        ("forecast.run({})", "bad argument #1 to 'run' (the revenue series is empty)"),
        ("forecast.run(revenue:resample(5), {horizon = 502})",
         "bad argument #2 to 'run' (option 'horizon' must be a multiple of the series' step (5 minutes), got 502)"),
        ("forecast.run(revenue:resample(15), {train = 600, window = 50, model = 'paper'})",
         "bad argument #2 to 'run' (option 'window' must be a multiple of the series' step (15 minutes), got 50)"),
        ("forecast.backtest(revenue:resample(5), {step = 12})",
         "bad argument #2 to 'backtest' (option 'step' must be a multiple of the series' step (5 minutes), got 12)"),
        ("forecast.backtest(revenue, {cutoff = 5})", "bad argument #2 to 'backtest' (unknown option 'cutoff')"),
        ("forecast.backtest(revenue, {events = {2, 2}})", "bad argument #2 to 'backtest' (unknown option 'events')"),
        ("forecast.backtest(revenue, {step = 0})", "bad argument #2 to 'backtest' (option 'step' must be positive, got 0)"),
        ("forecast.backtest(revenue, {train = 1400})",
         "bad argument #2 to 'backtest' (option 'train' does not fit: the training window is too short: the series has no room for one piece of 1400 minutes of training and 200 to forecast (needs 1600 minutes, got 1500))"),
        ("forecast.warning(revenue)", "bad argument #2 to 'warning' (Forecast expected, got no value)"),
        ("forecast.warning(fc, fc)", "bad argument #1 to 'warning' (Series expected, got Forecast)"),
        ("forecast.warning(revenue, fc, {k = 0})", "bad argument #3 to 'warning' (option 'k' must be positive, got 0)"),
        ("forecast.warning(revenue, fc, {target = 'a lot'})", "bad argument #3 to 'warning' (option 'target' number expected, got string)"),
        ("forecast.warning(revenue, fc, {tagret = 1})", "bad argument #3 to 'warning' (unknown option 'tagret')"),
        ("fc:save_csv()", "bad argument #1 to 'save_csv' (string expected, got no value)"),
        ("fc.save_csv(revenue, 'x.csv')", "bad argument #1 to 'save_csv' (Forecast expected, got Series)"),
        ("chart.forecast(forecast.backtest(revenue, {train = 600, horizon = 100, step = 400}))",
         "bad argument #1 to 'forecast' (table or Forecast expected, got Backtest)"),
        ("chart.backtest(fc)", "bad argument #1 to 'backtest' (table or Backtest expected, got Forecast)"),
    ])
    func misuseRaisesLuaStyleErrors(code: String, message: String) throws {
        let state = try FlashLua.makeState()
        try state.execute(Self.setup)
        #expect(luaError(state, code) == "test:1: " + message)
    }

    @Test func saveCSVFollowsTheSandboxPolicy() throws {
        let root = TemporaryFolder("flashcast-forecast-sandbox")
        defer { root.remove() }
        let output = root.file("out")
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let state = try FlashLua.makeState()
        try state.execute(Self.setup)
        try state.applySandbox(try FileAccessPolicy(outputFolder: output, readable: []))
        #expect(try state.execute("return fc:save_csv('\(output)/f.csv')") == ["true"])
        #expect(luaError(state, "fc:save_csv('\(root.path)/f.csv')")
            == "test:1: writing '\(root.path)/f.csv' is not allowed in the sandbox (only inside '\(output)')")
        #expect(!FileManager.default.fileExists(atPath: root.file("f.csv")))
    }
}
