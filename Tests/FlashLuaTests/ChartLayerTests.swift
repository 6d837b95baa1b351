@testable import FlashLua
import Foundation
import LuaBridge
import SVGCharts
import Testing
import TestSupport

/// `chart.new` and the Chart's layer methods: chains from Lua draw the same bytes as the Swift
/// module's layers, every kind takes more layers, and misuse reads like Lua's errors.
@Suite struct ChartLayerTests {
    static let saleStart = ChartLibraryTests.saleStart

    @Test func layersChainAndMatchTheSwiftModule() throws {
        let lua = try ChartLibraryTests.run("""
            local s = series.new{100, 120, 90, 130, 160, 150, 170, 140, start = '2024-05-20T13:00', step = 15}
            local lo, hi = {}, {}
            for i = 1, #s do lo[i] = s[i] * 0.8; hi[i] = s[i] * 1.2 end
            local c = chart.new{title = "Rate", currency = "€"}
            local same = c:bars(s, {label = "actual", color = 3}) == c
            c:line(s, {label = "expected", dashed = true}):band(lo, hi, {label = "80% range"})
             :rule{y = 150, label = "target"}:rule{at = '2024-05-20T14:00', label = "now", time = true}
             :events{{at = '2024-05-20T13:30', label = "e-mail"}}:span{from = '2024-05-20T14:15', to = '2024-05-20T14:30', label = "outage"}
             :annotate{at = '2024-05-20T14:15', value = 160, text = "peak"}
            return tostring(c), same, c:svg()
            """)
        let values: [Double] = [100, 120, 90, 130, 160, 150, 170, 140]
        let timed = { (v: [Double]) in TimedSeries(name: "", startMinute: Self.saleStart, stepMinutes: 15, values: v) }
        let start = Double(Self.saleStart)
        let chart = Chart(layers: [
            .bars(timed(values), label: "actual", paint: .palette(2)),
            .line(timed(values), label: "expected", dashed: true),
            .band(lower: timed(values.map { $0 * 0.8 }), upper: timed(values.map { $0 * 1.2 }), label: "80% range"),
            .rule(value: 150, label: "target"),
            .rule(minute: start + 60, label: "now", stamped: true),
            .events([ChartEvent(minute: Self.saleStart + 30, label: "e-mail")]),
            .spans([start + 75...start + 90], label: "outage"),
            .notes([ChartAnnotation(minute: Self.saleStart + 75, value: 160, text: "peak")]),
        ])
        var options = ChartOptions()
        options.title = "Rate"
        options.currency = Currency(prefix: "€")
        #expect(lua == ["Chart(layered, 800x450)", "true", try chart.render(options).text])
        #expect(lua[2].contains(">now 14:00<") && lua[2].contains(">target<"))
    }

    @Test func everyKindTakesMoreLayers() throws {
        let lua = try ChartLibraryTests.run("""
            local fc = {actual = {}, mean = {}}
            for i = 1, 60 do fc.actual[i] = 100 * i end
            for h = 1, 30 do fc.mean[h] = 6000 + 90 * h end
            local plain = chart.forecast(fc, {start = '2024-05-20T13:00'})
            local before = plain:svg()
            plain:rule{y = 9000, label = "target 9k"}
            return before, plain:svg()
            """)
        let forecast = ForecastChart(axis: TimeAxis(startMinute: Self.saleStart), actual: (1...60).map { 100 * Double($0) },
                                     cutoff: 60, mean: (1...30).map { 6000 + 90 * Double($0) }, intervalLabel: "interval")
        let composed = try forecast.composed(for: ChartOptions()).adding(.rule(value: 9000, label: "target 9k"))
        #expect(lua == [try forecast.render().text, try composed.render().text])
        #expect(!lua[0].contains("target 9k") && lua[1].contains(">target 9k<"))
    }

    @Test func fromAndToShowAWindowReadInTheSeriesZone() throws {
        let lua = try ChartLibraryTests.run("""
            local s = series.new{1, 2, 3, 4, 5, 6, 7, 8, start = '2024-05-20T13:00', step = 15, tz = '+02:00'}
            return chart.lines(s, {from = '2024-05-20T13:30', to = '2024-05-20T14:00'}):svg()
            """)
        var options = ChartOptions()
        options.timeZone = ShopZone("+02:00")!
        options.xFrom = Double(Self.saleStart - 120 + 30)
        options.xTo = Double(Self.saleStart - 120 + 60)
        let series = TimedSeries(name: "values", startMinute: Self.saleStart - 120, stepMinutes: 15, values: (1...8).map(Double.init))
        #expect(lua == [try LineChart(timed: [series]).render(options).text])
        #expect(lua[0].contains(">13:30<") && !lua[0].contains(">15:00<"))
    }

    @Test(arguments: [
        ("chart.new{}:band({1}, {1, 2})", "bad argument #1 to 'band' (band: 'lower' has 1 values but 'upper' has 2)"),
        ("chart.new{}:line()", "bad argument #1 to 'line' (Series or table expected, got no value)"),
        ("chart.new{}:line({1, 'x'})", "bad argument #1 to 'line' (number expected at index 2, got string)"),
        ("chart.new{}:line({1}, {color = 'red'})",
         "bad argument #2 to 'line' (option 'color' must be 'actual', 'muted', 'alert', 'text' or '#rrggbb', got 'red')"),
        ("chart.new{}:line({1}, {color = 9})", "bad argument #2 to 'line' (option 'color' must be a palette number from 1 to 7)"),
        ("chart.new{}:line({1}, {colour = 1})", "bad argument #2 to 'line' (unknown option 'colour')"),
        ("chart.new{}:line({1}, {axis = 'top'})", "bad argument #2 to 'line' (option 'axis' must be one of 'left', 'right', got 'top')"),
        ("chart.new{}:rule{}", "bad argument #1 to 'rule' (rule needs y (a value) or at (a time))"),
        ("chart.new{}:rule(5)", "bad argument #1 to 'rule' (table expected, got number)"),
        ("chart.new{}:rule{at = 'noon'}", "bad argument #1 to 'rule' (option 'at' must be a time, got 'noon')"),
        ("chart.new{}:span{from = 60}", "bad argument #1 to 'span' (span needs from and to (times))"),
        ("chart.new{}:span{from = 600, to = 60}", "bad argument #1 to 'span' (option 'to' must not be before 'from')"),
        ("chart.new{}:events{{label = 'x'}, 3}", "bad argument #1 to 'events' (field '[2]': table expected, got number)"),
        ("chart.new{}:annotate{at = 60}", "bad argument #1 to 'annotate' (annotate needs at (a time) and value (a number))"),
        ("chart.new{}:svg()",
         "calling 'svg' on bad self (chart has no data to span its time axis: add a line, bars or a band, or give the options 'from' and 'to')"),
        ("chart.new{ymin = 5, ymax = 1}", "bad argument #1 to 'new' (option 'ymin' must be less than 'ymax')"),
        ("chart.new{from = 'soon'}", "bad argument #1 to 'new' (option 'from' must be a time, got 'soon')"),
        ("chart.lines({1, 2}, {ymin = 10}):svg()", "bad argument #2 to 'lines' (option 'ymin' leaves no range: the value axis would run from 10 to 2)"),
    ])
    func misuseRaisesLuaStyleErrors(code: String, message: String) throws {
        #expect(luaError(try FlashLua.makeState(), code) == "test:1: " + message)
    }
}
