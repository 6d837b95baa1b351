import Forecasting
import SaleData
@testable import SaleReports
import Testing

/// Revenue per step around a forecast: steps end at the cutoff, sum their minutes, the forecast's
/// steps follow, and the band is the observed steps' spread around their local average.
@Suite struct RateStepsTests {
    let zone = ShopZone("+08:00") ?? .utc
    var start: Int { zone.minute(of: "2021-11-12T00:00") ?? 0 }

    /// Minute `i` earns `100 + i % 7 * 10`: a steady sale with a little wobble.
    func revenue(_ minutes: Int = 300) -> Series {
        Series(start: start, values: (0..<minutes).map { 100 + Double($0 % 7) * 10 }, zone: zone)
    }

    func forecast(_ revenue: Series, cutoff: Int, horizon: Int) throws -> Forecast {
        try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: cutoff, train: 120, horizon: horizon, model: .drift))
    }

    @Test func stepsEndAtTheCutoffAndSumTheirMinutes() throws {
        let revenue = revenue()
        let fc = try forecast(revenue, cutoff: 179, horizon: 40)
        let steps = try RateSteps(forecast: fc, revenue: revenue, train: 65, step: 15)
        // 65 minutes before the cutoff hold 4 whole steps (rows 120...179); known actuals follow to row 209
        #expect(steps.actual.start == revenue.minute(at: 134) && steps.actual.step == 15)
        let sums = stride(from: 134, through: 209, by: 15).map { end in revenue.values[(end - 14)...end].reduce(0, +) }
        #expect(steps.actual.values == sums)
        #expect(steps.now == revenue.minute(at: 179))
        // two whole forecast steps in 40 minutes, each the forecast's gain over its minutes
        #expect(steps.forecast.start == revenue.minute(at: 194) && steps.forecast.values.count == 2)
        #expect(abs(steps.forecast.values[0] - (fc.mean.values[14] - fc.observedTotal)) < 1e-9)
        #expect(abs(steps.forecast.values[1] - (fc.mean.values[29] - fc.mean.values[14])) < 1e-9)
    }

    @Test func theBandIsTheObservedStepsSpreadAppliedToTheForecast() throws {
        let revenue = revenue()
        let fc = try forecast(revenue, cutoff: 239, horizon: 50)
        let few = try RateSteps(forecast: fc, revenue: revenue, train: 100, step: 15)
        #expect(few.lower.isEmpty && few.upper.isEmpty, "6 observed steps are too few for a band")
        let steps = try RateSteps(forecast: fc, revenue: revenue, train: 240, step: 5)
        #expect(steps.lower.count == steps.forecast.values.count && steps.upper.count == steps.forecast.values.count)
        for (f, (lo, hi)) in zip(steps.forecast.values, zip(steps.lower, steps.upper)) { #expect(lo <= f && f <= hi && lo < hi) }
        #expect(RateSteps.spread([10, 10, 10, 10, 10, 10, 10, 10, 10, 10], level: 0.8).map { [$0.lower, $0.upper] } == [1, 1])
        let spread = try #require(RateSteps.spread([8, 12, 8, 12, 8, 12, 8, 12, 8, 12, 8, 12], level: 0.8))
        #expect(spread.lower < 0.9 && spread.upper > 1.1)
    }

    @Test func aStepMustBeWholeRows() throws {
        let rows = Series(start: start, step: 5, values: (0..<100).map { _ in 500 }, zone: zone)
        let fc = try forecast(rows, cutoff: 60, horizon: 100)
        #expect(throws: RateStepError(step: 7, seriesStep: 5)) { try RateSteps(forecast: fc, revenue: rows, train: 300, step: 7) }
        #expect(RateStepError(step: 7, seriesStep: 5).description == "rate step 7 must be a multiple of the series' 5-minute step")
        let steps = try RateSteps(forecast: fc, revenue: rows, train: 300, step: 15)
        #expect(steps.actual.values.allSatisfy { $0 == 1500 } && steps.actual.step == 15)
    }
}
