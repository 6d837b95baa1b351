import Forecasting
import SaleData
import SaleReports
import Testing

/// What an early-warning chart shows: the minutes from the forecast's cutoff to the last one known.
@Suite struct WarningWindowTests {
    /// 10 a minute for 200 minutes; a drift forecast made at row 139 for 60 minutes.
    static func forecast() throws -> (revenue: Series, forecast: Forecast) {
        let revenue = Series(start: 1000, values: Array(repeating: 10, count: 200))
        let forecast = try Forecaster.forecast(revenue: revenue.slice(0..<140),
                                               options: ForecastOptions(cutoff: 139, train: 140, horizon: 60, model: .drift))
        return (revenue, forecast)
    }

    @Test func theWindowRunsFromTheCutoffToTheLastMinuteKnown() throws {
        let (revenue, forecast) = try Self.forecast()
        let window = WarningWindow(revenue: revenue, forecast: forecast)
        #expect(window.actual.start == 1139 && window.actual.count == 61)  // the cutoff and the 60 minutes after it
        #expect(window.actual.values.first == 1400 && window.actual.values.last == 2000)
        #expect(window.below.isEmpty)
        // On course: the expected end total stays the forecast's.
        let end = try #require(forecast.mean.values.last)
        #expect(window.ends.values.allSatisfy { abs($0 - end) < 1e-6 })
        // Only 20 minutes known: the window stops there, not at the forecast's horizon.
        #expect(WarningWindow(revenue: revenue.slice(0..<160), forecast: forecast).actual.count == 21)
    }

    @Test func minutesBelowTheBandAndTheExpectedEndFollowTheShortfall() throws {
        let (revenue, forecast) = try Self.forecast()
        let halved = Series(start: revenue.start, values: revenue.values.enumerated().map { $0.offset < 170 ? $0.element : 0 })
        let window = WarningWindow(revenue: halved, forecast: forecast)
        let firstBelow = try #require(window.below.first)
        #expect(firstBelow > 30 && window.below.last == 60)
        #expect(window.below.allSatisfy { window.actual.values[$0] < forecast.lower.values[$0 - 1] })
        // Nothing sold after minute 170: the expected end falls by what was not sold since.
        let end = try #require(forecast.mean.values.last)
        #expect(abs(window.ends.values[60] - (end - 300)) < 1e-6)
    }
}
