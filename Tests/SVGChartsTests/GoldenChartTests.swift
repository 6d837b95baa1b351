import Foundation
import SVGCharts
import Testing

/// One golden SVG per chart kind and theme.
@Suite struct GoldenChartTests {
    static func money() -> ChartOptions {
        var options = ChartOptions()
        options.currency = Currency(prefix: "€")
        return options
    }

    @Test func forecast() throws {
        var options = Self.money()
        options.title = "Flash sale revenue: forecast at 15:30"
        options.subtitle = "Cumulative revenue, forecast with 80% interval"
        let f = Fixtures.forecast(cutoff: 150, horizon: 210)
        let chart = ForecastChart(
            axis: Fixtures.axis, actual: Array(Fixtures.cumulative.prefix(150)), cutoff: 150,
            mean: f.mean, lower: f.lower, upper: f.upper)
        try GoldenFile.check("forecast", chart.render(options))
    }

    @Test func lines() throws {
        var options = Self.money()
        options.title = "Revenue per 5 minutes by channel"
        options.subtitle = "Two days around the sale"
        let axis = TimeAxis(startMinute: Fixtures.saleStart - 600, stepMinutes: 5)
        let count = 576
        let series = ["web", "app", "e-mail"].enumerated().map { i, name in
            let jitter = Fixtures.noise(count: count, seed: UInt64(11 + i))
            let values = (0..<count).map { t -> Double in
                let hour = Double((t * 5 + 13 * 60 - 600) % 1440) / 60
                let daily = 0.6 + 0.4 * sin((hour - 8) / 24 * 2 * .pi)
                return ((2400 - Double(i) * 700) * daily * (1 + 0.15 * jitter[t])).rounded()
            }
            return PlotLine(name: name, values: values)
        }
        try GoldenFile.check("lines", LineChart(axis: axis, series: series).render(options))
    }

    @Test func backtest() throws {
        var options = Self.money()
        options.title = "Rolling back-test"
        options.subtitle = "120-minute forecasts every 45 minutes against the actual curve"
        let pieces = stride(from: 30, to: 300, by: 45).map { cutoff in
            let f = Fixtures.forecast(cutoff: cutoff, horizon: min(120, Fixtures.minutes - cutoff), bias: cutoff % 2 == 0 ? 1.06 : 0.93)
            return PlotLine(name: "from \(cutoff)", values: f.mean, start: cutoff)
        }
        let chart = BacktestChart(axis: Fixtures.axis, actual: Fixtures.cumulative, pieces: pieces)
        try GoldenFile.check("backtest", chart.render(options))
    }

    static func lossHistory() -> LossChart {
        let jitter = Fixtures.noise(count: 120, seed: 3)
        let train = (0..<60).map { e -> Double in
            let decay: Double = 0.48 * exp(-Double(e) / 9)
            return decay + 0.018 + 0.002 * jitter[e]
        }
        let validation = (0..<60).map { e -> Double in
            let decay: Double = 0.52 * exp(-Double(e) / 10)
            let overfit: Double = 0.00045 * max(0, Double(e) - 32)
            return decay + 0.03 + overfit + 0.003 * jitter[60 + e]
        }
        return LossChart(train: train, validation: validation)
    }

    @Test func loss() throws {
        var options = ChartOptions()
        options.title = "Training"
        options.subtitle = "Mean squared error per epoch (scaled revenue)"
        try GoldenFile.check("loss", Self.lossHistory().render(options))
    }

    @Test func lossLogDark() throws {
        var options = ChartOptions()
        options.title = "Training (log scale)"
        options.logScale = true
        options.theme = .dark
        try GoldenFile.check("loss-log-dark", Self.lossHistory().render(options))
    }

    @Test func bars() throws {
        var options = ChartOptions()
        options.currency = Currency(suffix: " kr")
        options.title = "Revenue per minute"
        options.subtitle = "First three hours of the sale"
        let chart = RevenueBarChart(axis: Fixtures.axis, perMinute: Array(Fixtures.perMinute.prefix(180)))
        try GoldenFile.check("bars", chart.render(options))
    }

    static func scenarioChart() -> ScenarioChart {
        let cutoff = 45
        let base = Fixtures.forecast(cutoff: cutoff, horizon: Fixtures.minutes - cutoff, bias: 0.8).mean
        let email = base.enumerated().map { h, v in v + 9000 * (1 - exp(-max(0, Double(h + cutoff - 60)) / 25)) }
        let discount = email.enumerated().map { h, v in v + 80 * max(0, Double(h + cutoff - 150)) }
        let start = Fixtures.saleStart
        return ScenarioChart(
            axis: Fixtures.axis, actual: Array(Fixtures.cumulative.prefix(cutoff)),
            baseline: PlotLine(name: "baseline", values: base, start: cutoff),
            scenarios: [
                PlotLine(name: "e-mail at 14:00", values: email, start: cutoff),
                PlotLine(name: "e-mail + 10% off at 15:30", values: discount, start: cutoff),
            ],
            events: [ChartEvent(minute: start + 60, label: "e-mail sent"), ChartEvent(minute: start + 150, label: "10% off")],
            annotations: [
                ChartAnnotation(minute: start + 359, value: discount[discount.count - 1], text: "+€\(Int((discount.last! - base.last!) / 1000))k vs baseline"),
            ])
    }

    @Test func scenarios() throws {
        var options = Self.money()
        options.title = "What if we send the e-mail?"
        options.subtitle = "Cumulative revenue forecasts from 13:45"
        try GoldenFile.check("scenarios", Self.scenarioChart().render(options))
    }

    /// The what-if chart focused on its differences: the baseline's band, the target, and three
    /// events close together whose labels must not cross each other's lines.
    @Test func scenariosWithBandTargetAndCrowdedEvents() throws {
        var options = Self.money()
        options.title = "What if we send the e-mail?"
        let cutoff = 45, start = Fixtures.saleStart
        let band = Fixtures.forecast(cutoff: cutoff, horizon: Fixtures.minutes - cutoff, bias: 0.8)
        var chart = Self.scenarioChart()
        chart.band = (lower: band.lower, upper: band.upper, label: "baseline's 80% interval")
        chart.target = band.mean[band.mean.count - 1] + 12000
        chart.events = [ChartEvent(minute: start + 60, label: "e-mail sent at 14:00"), ChartEvent(minute: start + 80, label: "10% off"),
                        ChartEvent(minute: start + 100, label: "second e-mail")]
        try GoldenFile.check("scenarios-focused", chart.render(options))
    }

    static func warningChart() -> EarlyWarningChart {
        let n = 240
        let expected = (0..<n).map { Fixtures.expectedRate($0).rounded() }
        let lower = expected.map { ($0 * 0.78).rounded() }
        let upper = expected.map { ($0 * 1.22).rounded() }
        var actual = Array(Fixtures.perMinute.prefix(n))
        for t in 150..<166 { actual[t] = (actual[t] * 0.45).rounded() }  // a checkout outage
        actual[201] = (upper[201] * 1.3).rounded()
        let alerts = actual.indices.filter { actual[$0] < lower[$0] || actual[$0] > upper[$0] }
        return EarlyWarningChart(axis: Fixtures.axis, actual: actual, expected: expected, lower: lower, upper: upper, alerts: alerts,
                                 alertStart: 154)  // the outage's fifth minute below the band
    }

    @Test func earlyWarning() throws {
        var options = Self.money()
        options.title = "Early warning"
        options.subtitle = "Revenue per minute against the expected range"
        try GoldenFile.check("early-warning", Self.warningChart().render(options))
    }

    /// A target alert: the end the earlier forecast implies at each minute against the target, and
    /// the end the forecast made now expects (the status's) marked at the last minute.
    @Test func earlyWarningAgainstATarget() throws {
        var chart = Self.warningChart()
        chart.actual = Array(chart.actual.prefix(180))
        chart.ends = chart.actual.indices.map { 61500 - Double($0 * 10) }  // the earlier forecast's end, slipping
        chart.target = 62000
        chart.endNow = 58500
        var options = Self.money()
        options.title = "Early warning"
        try GoldenFile.check("early-warning-target", chart.render(options))
        #expect(try chart.render(options).text.contains("expected end now €58.5k"))
    }

    @Test func scenariosDarkElapsed() throws {
        var options = Self.money()
        options.title = "What if we send the e-mail?"
        options.theme = .dark
        options.timeLabels = .elapsed
        options.legend = .right
        try GoldenFile.check("scenarios-dark-elapsed", Self.scenarioChart().render(options))
    }
}
