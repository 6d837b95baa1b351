import Testing
import SaleData
@testable import Forecasting

/// Back-tests that stood on far fewer reference rows than the cutoff's forecast do not set its
/// band: they count as forecasts made another way (`IntervalCalibration.informedShare`).
@Suite struct InformedBackTestTests {
    /// A model that forecasts a steady sale exactly from origins that stood on 1,000 reference
    /// rows, and a third of the revenue from the early origins, which stood on 100.
    struct EarlyMisses: FittedModel {
        static let rate = 10.0
        var loss: LossHistory { LossHistory() }
        var minimumRows: Int { 240 }
        func information(origin: Int) -> Int { origin >= Self.informedFrom ? 1000 : 100 }
        func rates(origin: Int, horizon: Int) -> [Double] {
            Array(repeating: origin >= Self.informedFrom ? Self.rate : Self.rate / 3, count: horizon)
        }
        /// The first origin that stood on as many reference rows as the cutoff's forecast.
        static let informedFrom = 800
    }

    static let cutoff = 2439, horizon = 500

    /// The 80% band of the exact forecast, from the back-tests of `EarlyMisses`.
    static func band() throws -> (lower: [Double], upper: [Double], mean: [Double], total: Double) {
        let revenue = Series(start: 0, values: Array(repeating: EarlyMisses.rate, count: cutoff + 1 + horizon))
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: cutoff, train: 1000, horizon: horizon))
        let total = input.revenue.reduce(0, +)
        let mean = (1...horizon).map { total + EarlyMisses.rate * Double($0) }
        let band = IntervalCalibration(input: input, model: EarlyMisses()).bands(mean: mean, levels: [0.8])[0]
        return (band.lower, band.upper, mean, total)
    }

    @Test func earlyBackTestsOnFewReferenceRowsDoNotSetTheBand() throws {
        // A quarter of the 60 origins (rows 239-799) forecast a third of what came: counted in
        // full, they put the 80% band's upper bound at three times the forecast gain (+200%);
        // counted as made another way, the 45 informed back-tests (all exact) set it.
        let (lower, upper, mean, total) = try Self.band()
        for h in [100, 300, Self.horizon] {
            let gain = mean[h - 1] - total
            #expect(upper[h - 1] - mean[h - 1] < 0.05 * gain, "minute \(h): upper \(upper[h - 1]) forecast \(mean[h - 1])")
            #expect(mean[h - 1] - lower[h - 1] < 0.05 * gain, "minute \(h): lower \(lower[h - 1]) forecast \(mean[h - 1])")
            #expect(lower[h - 1] <= mean[h - 1] && mean[h - 1] <= upper[h - 1])
        }
    }

    @Test func theDefaultModelCountsLastSeasonsRowsAsItsReference() throws {
        // Without an earlier sale, last season's rows are the reference: none before it takes
        // part, then the rows a season after the sale's first, up to the training window.
        let revenue = Series(start: 0, values: Array(repeating: 1, count: 4000))
        let model = FlashcastModel(input: try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: 3000, train: 1000, horizon: 500)))
        #expect(model.information(origin: 1000) == 0)
        #expect(model.information(origin: 1799) == 360)
        #expect(model.information(origin: 2999) == 1000)
        // With an earlier sale covering the origin, every row of the window has a reference.
        let withHistory = FlashcastModel(input: try Forecaster.prepare(revenue: revenue, options: ForecastOptions(
            cutoff: 3000, train: 1000, horizon: 500, history: revenue)))
        #expect(withHistory.information(origin: 500) == 501)
        #expect(withHistory.information(origin: 1799) == 1000)
    }
}
