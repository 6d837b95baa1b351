import Foundation
import Testing
@testable import SVGCharts

/// Charts composed of layers: every layer kind in one golden chart, the window and value range
/// options, automatic colours, the legend's order, and the errors a layer can cause.
@Suite struct LayerChartTests {
    /// Fixture revenue summed per `step` minutes, as a series on the clock.
    static func perStep(_ values: [Double], step: Int, name: String) -> TimedSeries {
        let sums = stride(from: 0, to: values.count - step + 1, by: step).map { values[$0..<($0 + step)].reduce(0, +) }
        return TimedSeries(name: name, startMinute: Fixtures.saleStart, stepMinutes: step, values: sums)
    }

    /// A rate chart: actual revenue per 15 minutes up to "now" as bars, the expected rate with its
    /// band, a target rate, the e-mail, an outage span and a note.
    static func rateChart() -> Chart {
        let expected = perStep((0..<Fixtures.minutes).map(Fixtures.expectedRate), step: 15, name: "expected")
        let actual = perStep(Array(Fixtures.perMinute.prefix(240)), step: 15, name: "actual")
        let lower = TimedSeries(name: "", startMinute: expected.startMinute, stepMinutes: 15, values: expected.values.map { $0 * 0.8 })
        let upper = TimedSeries(name: "", startMinute: expected.startMinute, stepMinutes: 15, values: expected.values.map { $0 * 1.2 })
        let start = Double(Fixtures.saleStart)
        return Chart(kind: "rate chart", yTitle: "revenue per 15 minutes", layers: [
            .spans([start + 150...start + 165], label: "checkout outage"),
            .bars(actual, label: "actual", paint: .palette(2)),
            .line(expected, label: "expected", paint: .palette(0), dashed: true),
            .band(lower: lower, upper: upper, label: "80% range"),
            .rule(value: 9000, label: "target 9k"),
            .rule(minute: start + 240, label: "now", stamped: true),
            .events([ChartEvent(minute: Fixtures.saleStart + 60, label: "e-mail sent")]),
            .dots([(start + 60, actual.values[4])], paint: .alert),
            .notes([ChartAnnotation(minute: Fixtures.saleStart + 225, value: actual.values[15], text: "last step")]),
        ])
    }

    @Test func everyLayerKindInOneChart() throws {
        var options = GoldenChartTests.money()
        options.title = "Revenue per 15 minutes"
        options.subtitle = "Actual against the expected rate"
        try GoldenFile.check("layers", Self.rateChart().render(options))
    }

    /// A note at the line's last point, top right, once covered the label of a target rule there
    /// (the early-warning chart's gap beside its target): the note now goes below its dot.
    @Test func aNoteKeepsClearOfARuleLabel() throws {
        let line = TimedSeries(name: "actual", startMinute: Fixtures.saleStart, stepMinutes: 1, values: (0..<60).map(Double.init))
        let chart = Chart(kind: "line chart", yTitle: "revenue", layers: [
            .line(line), .rule(value: 60, label: "target 60"),
            .notes([ChartAnnotation(minute: Fixtures.saleStart + 59, value: 59, text: "2.8k above the forecast")]),
        ])
        let text = try chart.render(ChartOptions()).text
        func baseline(of label: String) throws -> Double {
            let element = try #require(text.components(separatedBy: "<text ").first { $0.contains(">\(label)</text>") })
            let y = try #require(element.components(separatedBy: "y=\"").dropFirst().first?.prefix { $0 != "\"" })
            return try #require(Double(y))
        }
        let font = ChartOptions().fontSize
        #expect(abs(try baseline(of: "target 60") - baseline(of: "2.8k above the forecast")) >= font, "\(text)")
    }

    @Test func aWindowShowsItsMinutesAndFitsTheValueAxisToThem() throws {
        var options = GoldenChartTests.money()
        options.title = "The last hour"
        options.xFrom = Double(Fixtures.saleStart + 180)
        options.xTo = Double(Fixtures.saleStart + 240)
        let document = try Self.rateChart().render(options)
        try GoldenFile.check("layers-window", document)
        let frame = try Self.frame(Self.rateChart(), options)
        #expect(frame.x.domain == (options.xFrom!, options.xTo!))
        #expect(frame.yDomain.lo == 0, "bars stand on zero")
        let all = try Self.frame(Self.rateChart(), GoldenChartTests.money())
        #expect(frame.yDomain.hi < all.yDomain.hi, "the opening rush is outside the window")
        #expect(!document.text.contains("e-mail sent"), "events outside the window are left out")
    }

    @Test func theValueRangeIsAnOption() throws {
        var options = ChartOptions()
        options.yMin = 4000
        options.yMax = 12000
        let frame = try Self.frame(Self.rateChart(), options)
        #expect(frame.yDomain == (4000, 12000))
        options.yMax = 3000
        #expect(throws: ChartError("option 'ymin' must be less than 'ymax'")) { try Self.rateChart().render(options) }
        options.yMax = nil
        options.yMin = 50_000
        #expect(throws: ChartError("option 'ymin' leaves no range: the value axis would run from 50k to 18.8k")) {
            try Self.rateChart().render(options)
        }
    }

    @Test func zeroBaselineNearStartsTheAxisNearLargeValues() throws {
        let flat = TimedSeries(name: "total", startMinute: 0, values: [1_000_000, 1_020_000, 1_070_000])
        let near = try Self.frame(Chart(layers: [.line(flat)]), ChartOptions())
        #expect(near.yDomain.lo >= 990_000)
        let always = try Self.frame(Chart(zero: .always, layers: [.line(flat)]), ChartOptions())
        #expect(always.yDomain.lo == 0)
    }

    @Test func bandsTakeTheColourOfTheLineBeforeThemAndLinesTakeThePalette() throws {
        let a = TimedSeries(name: "a", startMinute: 0, values: [1, 2, 3])
        let b = TimedSeries(name: "b", startMinute: 0, values: [2, 3, 4])
        let contents = [Layer.line(a), .band(lower: a, upper: b, label: "range"), .line(b), .rule(value: 3), .dots([(1, 2)])].map(\.content)
        let inks = Chart.inks(contents, theme: .light)
        #expect(inks.map(\.color) == ["#0072B2", "#0072B2", "#E69F00", "#555555", "#E69F00"])
    }

    @Test func theLegendListsActualThenLinesThenBandsThenSpans() throws {
        let a = TimedSeries(name: "a", startMinute: 0, values: [1, 2, 3])
        let layers: [Layer] = [
            .spans([0...1], label: "alert"), .band(lower: a, upper: a, label: "band"), .line(a, label: "forecast"),
            .line(a, label: "actual", paint: .actual), .bars(a, label: "bars"),
        ]
        let contents = layers.map(\.content)
        #expect(Chart.legend(contents, Chart.inks(contents, theme: .light)).map(\.label) == ["actual", "forecast", "bars", "band", "alert"])
    }

    @Test func layersOfDifferentStepsShareTheTimeAxis() throws {
        let minutes = TimedSeries(name: "per minute", startMinute: 600, values: Array(repeating: 10, count: 120))
        let hours = TimedSeries(name: "per hour", startMinute: 540, stepMinutes: 60, values: [600, 620, 580])
        let frame = try Self.frame(Chart(layers: [.line(minutes), .bars(hours)]), ChartOptions())
        #expect(frame.x.domain == (540, 720))
    }

    @Test func badLayersAreNamed() {
        let a = TimedSeries(name: "a", startMinute: 0, values: [1, 2, 3])
        let short = TimedSeries(name: "b", startMinute: 0, values: [1, 2])
        #expect(throws: ChartError("band 'range': 'lower' has 3 values but 'upper' has 2")) {
            try Layer.band(lower: a, upper: short, label: "range").validate()
        }
        #expect(throws: ChartError("rule 'target' value must be a finite number")) {
            try Chart(layers: [.line(a), .rule(value: .nan, label: "target")]).render()
        }
        #expect(throws: ChartError("chart has no data to span its time axis: add a line, bars or a band, or give the options 'from' and 'to'")) {
            try Chart(layers: [.rule(value: 1)]).render()
        }
        var options = ChartOptions()
        options.xFrom = 10
        options.xTo = 5
        #expect(throws: ChartError("option 'from' must be before 'to'")) { try Chart(layers: [.line(a)]).render(options) }
    }

    /// The laid-out frame `chart` renders on.
    static func frame(_ chart: Chart, _ options: ChartOptions) throws -> ChartFrame {
        try chart.frame(options).frame
    }
}

extension ChartFrame {
    /// The linear value axis' domain.
    var yDomain: (lo: Double, hi: Double) {
        guard case .linear(let scale) = y else { return (.nan, .nan) }
        return scale.domain
    }
}

/// The rate chart: revenue per 15 minutes, the forecast's steps after "now" with their range, an event.
@Suite struct RateChartTests {
    static func chart() -> RateChart {
        let actual = LayerChartTests.perStep(Array(Fixtures.perMinute.prefix(180)), step: 15, name: "actual")
        let rates = LayerChartTests.perStep((180..<Fixtures.minutes).map(Fixtures.expectedRate), step: 15, name: "forecast")
        let shifted = { (s: TimedSeries) in TimedSeries(name: s.name, startMinute: s.startMinute + 14, stepMinutes: 15, values: s.values) }
        let forecast = TimedSeries(name: "forecast", startMinute: Fixtures.saleStart + 194, stepMinutes: 15, values: rates.values)
        return RateChart(actual: shifted(actual), forecast: forecast, lower: rates.values.map { $0 * 0.85 }, upper: rates.values.map { $0 * 1.15 },
                         bandLabel: "normal range (80% of steps)", now: Fixtures.saleStart + 179,
                         events: [ChartEvent(minute: Fixtures.saleStart + 60, label: "e-mail")])
    }

    @Test func golden() throws {
        var options = GoldenChartTests.money()
        options.title = "Revenue per 15 minutes"
        try GoldenFile.check("rate", Self.chart().render(options))
    }

    @Test func theForecastContinuesTheLastActualStepAtNow() throws {
        let chart = try Self.chart().composed(for: ChartOptions())
        let lines = chart.layers.compactMap { $0.content as? LineLayer }
        let forecast = try #require(lines.last?.tracks.first)
        #expect(forecast.start == Double(Fixtures.saleStart + 179) && forecast.values.count == 13)
        #expect(try Self.chart().render().text.contains(">now 15:59<"))
    }

    @Test func badData() {
        let actual = TimedSeries(name: "actual", startMinute: 0, stepMinutes: 15, values: [1, 2])
        let hourly = TimedSeries(name: "forecast", startMinute: 30, stepMinutes: 60, values: [1])
        #expect(throws: ChartError("rate 'forecast' has a 60-minute step but 'actual' has 15")) {
            try RateChart(actual: actual, forecast: hourly).render()
        }
        let forecast = TimedSeries(name: "forecast", startMinute: 30, stepMinutes: 15, values: [1, 2])
        #expect(throws: ChartError("rate 'lower' and 'upper' have 1 and 2 values but 'forecast' has 2")) {
            try RateChart(actual: actual, forecast: forecast, lower: [1], upper: [1, 2]).render()
        }
    }
}
