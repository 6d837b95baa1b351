import FlashLua
import Foundation
import LuaBridge
import Testing
import TestSupport

@Suite struct GroupWarningTests {
    /// A simulated four-market sale and its bottom-up forecast at minute 2000 of 2880.
    static let prelude = """
        local sale = orders.simulate{markets = true, minutes = 2880, orders = 12000, seed = 3}
        local fc = forecast.run(sale, {cutoff = 2000, horizon = 600, model = 'seasonal_naive', reconciliation = 'bottom_up'})
        """

    @Test func groupsComeMostBehindFirstAndAddUpToTheTotal() throws {
        let state = try FlashLua.makeState()
        let values = try state.execute(Self.prelude + """
            local v = forecast.warning(sale, fc, {target = 1e9})
            local sorted, sum, byName = true, 0, true
            for i, g in ipairs(v.groups) do
              sum = sum + g.behind
              byName = byName and v.groups[g.name] == g
              local n = v.groups[i + 1]
              if n and n.alert == g.alert and n.behind_share > g.behind_share then sorted = false end
              if n and n.alert and not g.alert then sorted = false end
            end
            local behind = 0
            for _, g in ipairs(v.groups) do if g.behind > 0 then behind = behind + 1 end end
            return #v.groups, sorted, byName, math.abs(sum - v.total.behind) < 1e-6 * math.abs(sum) + 1e-6,
              #v.behind == behind, v.behind[1] == (behind > 0 and v.groups[1].name or nil), v.total.name, v.total.now,
              v.alert, v.message:sub(1, 36), v.summary:find(v.total.now, 1, true) ~= nil, v.total.index
            """)
        #expect(values == ["4", "true", "true", "true", "true", "true", "(total)", "2021-05-21T19:19", "true",
                           "(total): expected total below target", "true", "2000"])
    }

    @Test func theGroupedBacktestHasATotalADirectAndEveryGroup() throws {
        let state = try FlashLua.makeState()
        let values = try state.execute(Self.prelude + """
            local bt = forecast.backtest(sale, {train = 1000, horizon = 600, step = 600, model = 'seasonal_naive',
                                                reconciliation = 'wls'})
            local p = #bt.total.pieces
            local sum = 0
            for _, g in ipairs(bt.groups) do sum = sum + g.pieces[p].mean[600] end
            return p, #bt.groups, bt.groups[1] == bt.groups.BR, math.abs(sum - bt.total.pieces[p].mean[600]) < 1e-6 * sum,
              table.concat(bt.reconciliations, ' '), bt.summary, tostring(bt.direct):sub(1, 9)
            """)
        #expect(values == ["3", "4", "true", "true", "wls wls wls", "WLS (MinT, diagonal) at 3 of 3 cutoffs", "Backtest("])
    }

    @Test func whatIfOnOneMarketAddsUpInTheTotal() throws {
        let state = try FlashLua.makeState()
        let values = try state.execute(Self.prelude + """
            local mail = scenario.email{at = "14:00", lift = 1, half_life = 30}
            local w = forecast.whatif(fc, {mail, {mail, name = "twice"}}, {groups = {"DE"}, target = 1e9})
            local n = #w.total[1].mean
            local sum = 0
            for _, g in ipairs(w.groups) do sum = sum + g[1].mean[n] end
            return tostring(w.total):sub(1, 7), #w.groups, w.groups.DE == w.groups[2], w.groups.US[1].gain,
              math.abs(w.total[1].gain - w.groups.DE[1].gain) < 1e-6 * w.total[1].gain, w.total[1].gain > 0,
              math.abs(sum - w.total[1].mean[n]) < 1e-6 * sum, w.total[2].name
            """)
        #expect(values == ["WhatIf(", "4", "true", "0.0", "true", "true", "true", "twice"])
        #expect(luaError(state, Self.prelude + "\nforecast.whatif(fc, {scenario.email{at = '14:00'}}, {groups = {'XX'}})")
                    == "test:3: bad argument #3 to 'whatif' (option 'groups' names no group of the forecast: 'XX')")
    }

    @Test func misuseReadsLikeLua() throws {
        let state = try FlashLua.makeState()
        _ = try state.execute(Self.prelude.replacingOccurrences(of: "local ", with: ""), chunkName: "=prelude")
        let cases: [(String, String)] = [
            ("forecast.warning(sale, 5)", "bad argument #2 to 'warning' (grouped forecast expected, got number)"),
            ("forecast.warning(sale, {})", "bad argument #2 to 'warning' (total: Forecast expected, got nil)"),
            ("forecast.warning(sale, {total = fc.total, groups = {}})",
             "bad argument #2 to 'warning' (groups.BR: Forecast expected, got nil)"),
            ("forecast.warning(sale, fc, {targets = {XX = 1}})",
             "bad argument #3 to 'warning' (option 'targets' names no group of the read: 'XX')"),
            ("forecast.warning(sale, fc, {targets = {DE = 'x'}})",
             "bad argument #3 to 'warning' (option 'targets' 'DE' must be a finite number, got string)"),
            ("forecast.warning({revenue = sale.revenue:resample(5), groups = sale.groups}, fc)",
             "bad argument #1 to 'warning' (revenue starts at 2021-05-20T00:00 every 5 minutes, its forecast's series at 2021-05-20T00:00 every 1)"),
            ("forecast.backtest(sale, {reconciliation = 'mint'})",
             "bad argument #2 to 'backtest' (option 'reconciliation' must be one of 'bottom_up', 'wls', got 'mint')"),
            ("forecast.backtest(sale, {cutoff = 5})", "bad argument #2 to 'backtest' (unknown option 'cutoff')"),
        ]
        for (code, message) in cases {
            #expect(luaError(state, code) == "test:1: " + message, "\(code)")
        }
    }

    @Test func groupsDrawAsPanelsOnOneClockOrStacked() throws {
        let state = try FlashLua.makeState()
        let values = try state.execute(Self.prelude + """
            local panels = chart.groups(sale, {step = 30})
            local forecasts = chart.groups(fc):svg()
            local titles = {}
            for name in forecasts:gmatch('id="panel%d%-chart%-title">([^<]+)<') do titles[#titles + 1] = name end
            local stacked = chart.stacked({groups = {sale.groups.US, sale.groups.DE}}, {step = 60})
            local _, n = panels:svg():gsub("<svg x=", "")
            return tostring(panels), n, table.concat(titles, " "), tostring(stacked), stacked:svg():find(">US</text>") ~= nil
            """)
        #expect(values == ["Chart(groups, 800x450)", "4", "total BR DE JP US", "Chart(stacked, 800x450)", "true"])
        let cases: [(String, String)] = [
            ("chart.stacked(fc)", "bad argument #1 to 'stacked' (field 'groups': a grouped read's groups expected"
                + " (each {name=, revenue=Series}), got Forecasts)"),
            ("chart.groups({groups = {}})", "bad argument #1 to 'groups' (field 'groups': at least one group expected)"),
            ("chart.groups({groups = {{name = 'x'}}})", "bad argument #1 to 'groups' (field 'groups[1].revenue': Series expected, got nil)"),
            ("chart.stacked(sale, {step = 0})", "bad argument #2 to 'stacked' (option 'step' must be at least 1)"),
        ]
        _ = try state.execute(Self.prelude.replacingOccurrences(of: "local ", with: ""), chunkName: "=prelude")
        for (code, message) in cases {
            #expect(luaError(state, code) == "test:1: " + message, "\(code)")
        }
    }
}
