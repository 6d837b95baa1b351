@testable import FlashLua
import LuaBridge
import Testing

/// Every chart kind drawn from series of one's own (`series.new{..., start = ...}`) is labelled at
/// their start, not at 1970 (issue 22: `chart.lines` once drew "Thu 1 Jan").
@Suite struct ChartStartTests {
    static let setup = """
        local v = {start = '2024-11-29T10:00'}
        for i = 1, 200 do v[i] = 10 + (i % 7) end
        s = series.new(v)
        fc = forecast.run(s, {cutoff = 120, train = 100, horizon = 60, model = 'drift'})
        bt = forecast.backtest(s, {train = 80, horizon = 30, step = 40, model = 'drift'})
        w = scenario.whatif(fc, {scenario.push{at = fc.cutoff_time, lift = 0.5}})
        verdict = forecast.warning(s:slice(1, 150), fc)
        """

    /// One drawing per chart kind that has a time axis (all but `loss`, drawn per epoch), and the layers.
    static let drawings = [
        "lines": "chart.lines({s, s:shift(30) * 0.5})", "bars": "chart.bars(s:resample(15))",
        "forecast": "chart.forecast(fc)", "backtest": "chart.backtest(bt)", "scenarios": "chart.scenarios(w)",
        "warning": "chart.warning(verdict)", "rate": "chart.rate(fc)",
        "groups": "chart.groups({groups = {{name = 'DE', revenue = s}, {name = 'US', revenue = s * 0.5}}})",
        "stacked": "chart.stacked({groups = {{name = 'DE', revenue = s}, {name = 'US', revenue = s * 0.5}}})",
        "new": "chart.new{}:line(s):band(s * 0.9, s * 1.1):bars(s):events{{at = '2024-11-29T11:00', label = 'mail'}}",
    ]

    @Test func everyKindWithATimeAxisIsCovered() {
        let kinds = Set(ChartLibrary.kinds.map { $0.name }).subtracting(["loss"])
        #expect(kinds.union(["new"]) == Set(Self.drawings.keys))
    }

    @Test(arguments: drawings.sorted { $0.key < $1.key })
    func chartsAreLabelledAtTheSeriesStart(kind: String, drawing: String) throws {
        let state = try FlashLua.makeState()
        try state.execute(Self.setup)
        let svg = try #require(try state.execute("return \(drawing):svg()").first)
        #expect(svg.contains("Fri 29 Nov") || svg.contains("29 Nov"), "chart.\(kind) does not show the series' day")
        #expect(!svg.contains("1970") && !svg.contains("1 Jan"), "chart.\(kind) is labelled in 1970")
    }
}
