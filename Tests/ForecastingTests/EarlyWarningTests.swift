import Testing
import SaleData
@testable import Forecasting

@Suite struct EarlyWarningTests {
    /// A steady sale of 10 a minute, forecast by drift from row 99: the band is exact (no noise).
    static func forecast() throws -> Forecast {
        let steady = Series(start: 0, values: Array(repeating: 10, count: 100))
        return try Forecaster.forecast(revenue: steady, options: ForecastOptions(cutoff: 99, train: 100, horizon: 60, model: .drift))
    }

    @Test func revenueBelowTheBandForKMinutesWarnsOnce() throws {
        let forecast = try Self.forecast()
        #expect(forecast.lower.values.first == 1010 && forecast.lower.values.last == 1600)
        // the live sale halves after the cutoff: 1005 at row 100, 1050 at row 109
        let live = Series(start: 0, values: Array(repeating: 10, count: 100) + Array(repeating: 5, count: 20))
        let warnings = try EarlyWarning.check(revenue: live, forecast: forecast, consecutive: 10)
        #expect(warnings == [EarlyWarning(kind: .belowBand, row: 109, label: "1970-01-01T01:49", actual: 1050,
                                          threshold: 1100, gap: 50)])
    }

    @Test func aForecastBelowTargetWarnsAtTheCutoffThenOnlyOnce() throws {
        let warnings = try EarlyWarning.check(
            revenue: Series(start: 0, values: Array(repeating: 10, count: 100)), forecast: Self.forecast(), target: 2000)
        #expect(warnings == [EarlyWarning(kind: .belowTarget, row: 99, label: "1970-01-01T01:39", actual: 1000,
                                          threshold: 2000, gap: 400)])
        #expect(warnings.first?.shortfall == 0.2)
    }

    @Test func aTargetMissedLaterWarnsWhenTheActualsFallBehind() throws {
        // on plan the sale ends at 1600; each idle minute after row 100 loses 10 of it
        let live = Series(start: 0, values: Array(repeating: 10, count: 100) + [10, 0, 0, 0, 0, 0, 0])
        let warnings = try EarlyWarning.check(revenue: live, forecast: Self.forecast(), consecutive: 30, target: 1550)
        #expect(warnings.map(\.kind) == [.belowTarget])
        #expect(warnings.first?.row == 106 && warnings.first?.gap == 10)
    }
}
