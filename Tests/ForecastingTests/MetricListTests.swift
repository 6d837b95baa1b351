import Testing
@testable import Forecasting

/// `Metric` is the one list of measures: each case carries its key, heading, format and horizon,
/// and every case is measured.
@Suite struct MetricListTests {
    @Test(arguments: [
        (Metric.mape, "mape", "MAPE", MetricFormat.share, Int?.none), (.hre60, "hre60", "hre@60", .share, 60),
        (.hre200, "hre200", "hre@200", .share, 200), (.hre500, "hre500", "hre@500", .share, 500),
        (.mase, "mase", "MASE", .ratio, nil), (.coverage, "coverage", "coverage", .share, nil), (.width, "width", "width", .money, nil),
    ])
    func eachMetricCarriesItsKeyHeadingFormatAndHorizon(metric: Metric, key: String, heading: String, format: MetricFormat, horizon: Int?) {
        #expect(metric.key == key && metric.heading == heading && metric.format == format && metric.horizon == horizon)
        #expect(horizon.flatMap(Metric.init(horizon:)) == (horizon == nil ? nil : metric))
    }

    @Test func theListIsInTableOrderAndItsHorizonsAreTheHorizonRevenueErrors() {
        #expect(Metric.allCases.map(\.key) == ["mape", "hre60", "hre200", "hre500", "mase", "coverage", "width"])
        #expect(ForecastMetrics.horizons == [60, 200, 500])
        #expect(Metric(horizon: 100) == nil)
    }

    @Test(arguments: [
        (MetricFormat.share, Double?(0.0573), "5.7%"), (.ratio, 0.5712, "0.57"), (.money, 27520.987, "27520.99"),
        (.share, nil, "-"), (.ratio, Double.infinity, "-"), (.money, Double.nan, "-"),
    ])
    func formatsShowValuesAsTheTablesDo(format: MetricFormat, value: Double?, text: String) {
        #expect(format.text(value) == text)
    }

    /// Every case is measured: a metric added without its measurement would be nil here.
    @Test func everyMetricIsMeasuredAndAveraged() throws {
        let rows = 600
        let actual = (1...rows).map { 100 + 10 * Double($0) }, forecast = (1...rows).map { 100 + 9.5 * Double($0) }
        let drift = (1...rows).map { 100 + 8 * Double($0) }
        let narrow: (level: Double, lower: [Double], upper: [Double]) = (0.5, forecast.map { $0 - 10 }, forecast.map { $0 + 10 })
        let wide: (level: Double, lower: [Double], upper: [Double]) = (0.8, forecast.map { $0 - 50 }, forecast.map { $0 + 50 })
        let measured = ForecastMetrics.measure(forecast: forecast, bands: [narrow, wide], actual: actual, drift: drift,
                                               observedTotal: 100, step: 1)
        let metrics = try #require(measured)
        #expect(Set(metrics.values.keys) == Set(Metric.allCases))
        #expect(metrics.fields.map(\.key) == Metric.allCases.map(\.key) + ["coverage50", "width50", "coverage80", "width80"])
        let summary = BacktestSummary(model: .flashcast, [metrics, metrics])
        #expect(summary.values == metrics.values && summary.fields.map(\.key) == metrics.fields.map(\.key))
        #expect(Metric.undefinedFields.map(\.key) == Metric.allCases.map(\.key))
    }
}
