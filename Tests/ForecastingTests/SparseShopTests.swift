import Testing
import SaleData
@testable import Forecasting

/// The default model on a sparse shop that closes some days and sells the odd huge invoice.
@Suite struct SparseShopTests {
    /// Four days from midnight: an order of 100 every 20 minutes from 08:00 to 18:00, none on the
    /// `closed` days; `extra` adds money at rows.
    static func shop(closed: Set<Int> = [], extra: [Int: Double] = [:]) -> Series {
        Series(start: 0, values: (0..<4 * 1440).map { row in
            let minute = row % 1440
            let open = !closed.contains(row / 1440) && minute >= 480 && minute < 1080 && minute % 20 == 0
            return (open ? 100 : 0) + (extra[row] ?? 0)
        })
    }

    static func gain(_ revenue: Series, cutoff: Int) throws -> Double {
        let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: cutoff, train: 1000, horizon: 500))
        return forecast.mean.values[499] - forecast.observedTotal
    }

    @Test func theMorningAfterAClosedDayIsForecastFromTheLastOpenDay() throws {
        // day 2 closed; at 09:00 on day 3 the 500 minutes ahead (to 17:20) earn 25 orders of 100
        let revenue = Self.shop(closed: [2])
        let gain = try Self.gain(revenue, cutoff: 3 * 1440 + 540)
        #expect(abs(gain - 2500) < 250, "forecast \(gain) for 2,500 to come")
    }

    @Test func oneHugeInvoiceIsNotALevel() throws {
        // an invoice of 50,000 at 10:00 on day 3 (40 times the day's other revenue) does not
        // multiply the afternoon: the 500 minutes from 12:00 earn 18 orders of 100
        let revenue = Self.shop(extra: [3 * 1440 + 600: 50_000])
        let gain = try Self.gain(revenue, cutoff: 3 * 1440 + 720)
        #expect(gain > 1000 && gain < 3600, "forecast \(gain) for 1,800 to come")
    }
}
