@testable import FlashLua
import Forecasting
import LuaBridge
import Testing

/// The Lua side of `Metric`: `forecast.metrics()`, `forecast.metric_text`, and the fields of
/// `fc.metrics` and `bt.summary` are the list's, whatever it holds.
@Suite struct ForecastMetricListTests {
    static func run(_ code: String) throws -> [String] {
        try FlashLua.makeState().execute(ForecastLibraryTests.setup + code, chunkName: "=test")
    }

    static let keys = Metric.allCases.map(\.key).joined(separator: ",")

    @Test func theListIsTheEnumsInOrder() throws {
        let lua = try Self.run("""
            local keys, headings, formats, horizons = {}, {}, {}, {}
            for i, m in ipairs(forecast.metrics()) do
              keys[i], headings[i], formats[i], horizons[i] = m.key, m.heading, m.format, tostring(m.horizon)
            end
            return table.concat(keys, ","), table.concat(headings, ","), table.concat(formats, ","), table.concat(horizons, ",")
            """)
        #expect(lua == [Self.keys, Metric.allCases.map(\.heading).joined(separator: ","),
                        Metric.allCases.map(\.format.rawValue).joined(separator: ","),
                        Metric.allCases.map { $0.horizon.map(String.init) ?? "nil" }.joined(separator: ",")])
    }

    /// The string keys of `fc.metrics` and `bt.summary` besides their counts are the list's keys.
    @Test func metricTablesHoldAFieldPerMetric() throws {
        let lua = try Self.run("""
            local function keys(t, skip)
              local found = {}
              for _, m in ipairs(forecast.metrics()) do if t[m.key] ~= nil then found[#found + 1] = m.key end end
              local count = 0
              for k in pairs(t) do if not skip[k] then count = count + 1 end end
              return table.concat(found, ","), count
            end
            local fc = forecast.run(revenue, {cutoff = 1500, horizon = 500})
            local bt = forecast.backtest(revenue, {train = 1000, horizon = 500, step = 500})
            local a, n = keys(fc.metrics, {minutes = true})
            local b, m = keys(bt.summary, {pieces = true, model = true})
            return a, n, b, m
            """)
        let count = String(Metric.allCases.count)
        #expect(lua == [Self.keys, count, Self.keys, count])
    }

    @Test(arguments: [
        ("forecast.metric_text('hre60', 0.0573)", "5.7%"), ("forecast.metric_text('mase', 0.571)", "0.57"),
        ("forecast.metric_text('width', 27520.987)", "27520.99"), ("forecast.metric_text('mape')", "-"),
        ("select(2, pcall(forecast.metric_text, 'hre', 1))",
         "bad argument #1 to 'forecast.metric_text' (unknown metric 'hre' (metrics: \(keys.replacingOccurrences(of: ",", with: ", "))))"),
        ("select(2, pcall(forecast.metric_text, 'mape', 'x'))", "bad argument #2 to 'forecast.metric_text' (number expected, got string)"),
    ])
    func metricTextShowsAValueAsTheTablesDo(code: String, text: String) throws {
        #expect(try Self.run("return " + code) == [text])
    }
}
