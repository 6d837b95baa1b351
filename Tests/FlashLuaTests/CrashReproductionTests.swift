import FlashLua
import LuaBridge
import Testing
import TestSupport

/// Inputs that used to kill the process by a signal (issue 16); each must now raise a Lua error
/// that `pcall` catches, or run.
@Suite struct CrashReproductionTests {
    static let sale = "local s = orders.simulate{minutes = 1500, orders = 20000}.revenue "

    @Test(arguments: [
        ("local t = {} for i = 1, 1000 do t[i] = i end t.step = 8e15 t.start = 0 series.new(t)",
         "bad argument #1 to 'new' (option 'step' too large: 1000 values every 8000000000000000 minutes reach beyond 1e15 seconds from 1970)"),
        ("local s = series.new{1, 2, 3, step = 1e10, start = 0} s:resample(5e15)",
         "bad argument #1 to 'resample' (step 5000000000000000 is longer than 1e15 seconds)"),
        ("local m = nn.Sequential() m:add(m)", "a network cannot contain itself"),
        ("local a, b = nn.Sequential(), nn.Sequential() a:add(b) b:add(a)", "the added network already contains this one"),
        ("local a, b, c = nn.Sequential(), nn.Sequential(), nn.Sequential() a:add(b) b:add(c) c:add(a)",
         "the added network already contains this one"),
        (sale + "forecast.run(s, {horizon = 1e15})",
         "bad argument #2 to 'run' (option 'horizon' must be at most 1051200, got 1000000000000000)"),
        (sale + "forecast.run(s, {model = 'paper', hidden = 1e9})",
         "bad argument #2 to 'run' (option 'hidden' must be at most 4096, got 1000000000)"),
        (sale + "forecast.run(s, {model = 'paper', window = 1e7})",
         "bad argument #2 to 'run' (option 'window' must be at most 10080, got 10000000)"),
        ("help('')", "bad argument #1 to 'help' (no help for '')"),
        ("nn.windows({44, 54}, math.maxinteger, 1e9)", "a series of 2 values has no window of 9223372036854775807 followed by 1000000000"),
        ("local t = {} for i = 1, 2000 do t[i] = i end chart.lines({{name = 'a', values = t}}, {step = 8e15})",
         "bad argument #1 to 'lines' (series 'a' reaches beyond 1e15 seconds from 1970)"),
        ("chart.lines({series.new{1, 2, start = 0}, series.new{1, 2, start = 1e14}})",
         "bad argument #1 to 'lines' (series 'series 2' ends more than 1000004 steps after the chart's start (the series' 4 values and at most 1000000 steps without any))"),
    ])
    func refusedWithALuaError(code: String, message: String) throws {
        #expect(luaError(try FlashLua.makeState(), code) == "test:1: " + message)
    }

    @Test func aLiveSeriesEndingBeforeTheForecastsWindowGetsAVerdict() throws {
        let code = """
            local fc = forecast.run(orders.simulate{minutes = 180}.revenue, {train = 100, horizon = 40, model = 'drift'})
            local verdict = forecast.warning(series.new{1, 2, 3, start = 0}, fc)
            return verdict.alert, #verdict.actual
            """
        #expect(try FlashLua.makeState().execute(code) == ["false", "0"])
    }

    @Test func hugeStepsStillLabelTheirTimes() throws {
        let state = try FlashLua.makeState()
        #expect(try state.execute("local s = series.new{1, 2, 3, step = 1e10, start = 0} return s:time(3), #s:resample(2e10)")
            == ["39996-06-26T21:20", "2"])
    }

    @Test func aModelIsFrozenWhileItTrains() throws {
        let state = try FlashLua.makeState()
        let code = """
            local m = nn.Sequential():add(nn.Linear(1, 1))
            local X = nn.matrix{{1}, {2}, {3}}
            local seen = {}
            local function try(f, ...) local ok, message = pcall(f, ...) seen[#seen + 1] = ok and 'ok' or message end
            local history = m:fit(X, X, {epochs = 2, progress = function()
                try(m.add, m, nn.ReLU())
                try(m.fit, m, X, X)
                try(m.forward, m, X)
                try(m.reset, m)
                try(m.training, m)
                try(nn.Sequential().add, nn.Sequential(), m)
                seen[#seen + 1] = tostring(m) .. ' ' .. m:parameters()
            end})
            return history.stopped, #seen, seen[1], seen[2], seen[6], seen[7], m:forward(X):rows()
            """
        let frozen = "the model is being trained: it cannot change or run until its fit returns"
        #expect(try state.execute(code)
            == ["completed", "14", frozen, frozen, frozen, "Sequential(Linear(1 -> 1)) 2", "3"])
    }

    /// Baskets above 1e12 (the largest amount an export holds) used to be capped silently: the
    /// median and spread that would reach it are refused, naming what would fit.
    @Test(arguments: [
        ("basket_median = 1e308", "option 'basket_median' must be below 1e12, the largest amount"),
        ("basket_median = 1e11", "option 'basket_median' must be at most 27.3B with basket_sigma 0.6 (baskets stay below 1e12, the largest amount)"),
        ("basket_median = 1e6, basket_sigma = 100", "option 'basket_sigma' must be at most 2.3 with basket_median 1M (baskets stay below 1e12, the largest amount)"),
    ])
    func basketsThatWouldPassTheLargestAmountAreRefused(option: String, message: String) throws {
        let state = try FlashLua.makeState()
        #expect(luaError(state, "orders.simulate{minutes = 60, \(option)}") == "test:1: bad argument #1 to 'simulate' (\(message))")
        #expect(try state.execute("return orders.simulate{basket_median = 2.7e10, minutes = 60, orders = 5}.revenue:sum() > 0")
            == ["true"])
    }

    /// A lift of 1e308 made the rates' total infinite, so every minute was scaled to no orders.
    @Test(arguments: [
        ("campaigns = {{at = 1, lift = 1e308}}", "bad argument #1 to 'simulate' (option 'campaigns' item 1: 'lift' must be at most 1e6)"),
        ("surge = 1e308", "bad argument #1 to 'simulate' (option 'surge' must be at most 1e6)"),
        ("closing_lift = 1e300", "bad argument #1 to 'simulate' (option 'closing_lift' must be at most 1e6)"),
    ])
    func hugeLiftsAreRefusedInsteadOfSimulatingNothing(option: String, message: String) throws {
        let state = try FlashLua.makeState()
        #expect(luaError(state, "orders.simulate{minutes = 60, orders = 1000, \(option)}") == "test:1: " + message)
        #expect(try state.execute("return orders.simulate{minutes = 60, orders = 1000, campaigns = {{at = 1, lift = 1e6}}}.count:sum() > 0")
            == ["true"])
    }
}
