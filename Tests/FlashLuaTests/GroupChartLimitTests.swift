import FlashLua
import LuaBridge
import Testing
import TestSupport

/// Grouped charts of many groups stay readable: the largest (or the first) on their own, the others
/// summed into one, as the subtitle says.
@Suite struct GroupChartLimitTests {
    /// 200 groups, group i's revenue i/100 of one simulated sale's, and helpers reading the SVG back.
    static let prelude = """
        local s = orders.simulate{minutes = 600, orders = 2000, seed = 1}.revenue
        local t = {}
        for i = 1, 200 do t[i] = {name = 'g' .. i, revenue = s * (i / 100)} end
        local function titles(c)
          local r = {}
          for n in c:svg():gmatch('id="panel%d+%-chart%-title">([^<]+)<') do r[#r + 1] = n end
          return table.concat(r, " ")
        end
        local function subtitle(c) return c:svg():match('fill="#555555">([^<]*)<') end
        """

    @Test func manyGroupsDrawTheLargestAndOnePanelSummingTheOthers() throws {
        let state = try FlashLua.makeState()
        let values = try state.execute(Self.prelude + "\n" + """
            local largest, first = chart.groups({groups = t}), chart.groups({groups = t}, {pick = "first", subtitle = "behind first"})
            local twelve = chart.groups({groups = {table.unpack(t, 1, 12)}})
            local stacked = chart.stacked({groups = t})
            return titles(largest), subtitle(largest), titles(first), subtitle(first), titles(twelve), subtitle(twelve),
              stacked:svg():match('<desc[^>]*>([^<]*)<'), subtitle(stacked), #largest:svg() < 60000
            """)
        #expect(values == [
            "g190 g191 g192 g193 g194 g195 g196 g197 g198 g199 g200 189 others",
            "revenue per hour; the 11 largest of 200 groups by revenue; 189 others summed",
            "g1 g2 g3 g4 g5 g6 g7 g8 g9 g10 g11 189 others", "behind first; the first 11 of 200 groups; 189 others summed",
            "g1 g2 g3 g4 g5 g6 g7 g8 g9 g10 g11 g12", "revenue per hour",
            "Revenue rate of 8 groups stacked: g194, g195, g196, g197, g198, g199, g200, 193 others",
            "the 7 largest of 200 groups by revenue; 193 others summed", "true",
        ])
    }

    @Test func aGroupedForecastDrawsTheTotalAndTheLargestGroups() throws {
        let state = try FlashLua.makeState()
        let values = try state.execute(Self.prelude + "\n" + """
            local sale = orders.simulate{markets = true, minutes = 2880, orders = 12000, seed = 3}
            local fc = forecast.run(sale, {cutoff = 2000, horizon = 600, model = 'seasonal_naive', reconciliation = 'bottom_up'})
            local largest, name = -1, nil
            for _, g in ipairs(sale.groups) do
              local mean = fc.groups[g.name].mean
              if mean[#mean] > largest then largest, name = mean[#mean], g.name end
            end
            local c = chart.groups(fc, {show = 1})
            return titles(c) == "total " .. name, subtitle(c)
            """)
        #expect(values == ["true", "cumulative revenue; the largest of 4 groups by expected total; 3 others not drawn"])
    }

    @Test func showAndPickAreChecked() throws {
        let state = try FlashLua.makeState()
        _ = try state.execute(Self.prelude.replacingOccurrences(of: "local ", with: ""), chunkName: "=prelude")
        let cases: [(String, String)] = [
            ("chart.groups({groups = t}, {show = 61})", "bad argument #2 to 'groups' (option 'show' must be at most 60)"),
            ("chart.groups({groups = t}, {show = 0})", "bad argument #2 to 'groups' (option 'show' must be at least 1)"),
            ("chart.stacked({groups = t}, {pick = 'big'})",
             "bad argument #2 to 'stacked' (option 'pick' must be one of 'largest', 'first', got 'big')"),
        ]
        for (code, message) in cases {
            #expect(luaError(state, code) == "test:1: " + message, "\(code)")
        }
    }
}
