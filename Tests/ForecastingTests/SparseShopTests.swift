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

    @Test func yesterdaysHugeInvoiceIsNotForecastAgainAtItsMinute() throws {
        // an invoice of 50,000 on day 2 at 16:45 (more than its four hours' other orders together),
        // beside an earlier sale without it: from 14:19 on day 3 the 500 minutes ahead earn 11
        // orders of 100, not the invoice again
        let revenue = Self.shop(extra: [2 * 1440 + 1005: 50_000])
        let options = ForecastOptions(cutoff: 3 * 1440 + 859, train: 1000, horizon: 500, history: Self.shop())
        let forecast = try Forecaster.forecast(revenue: revenue, options: options)
        let gain = forecast.mean.values[499] - forecast.observedTotal
        #expect(gain > 550 && gain < 2200, "forecast \(gain) for 1,100 to come")
    }

    @Test func aHugeInvoiceIsScaledDownToItsNeighbourhoodAndHeavyBasketsStay() {
        // the invoice's quarter hour falls to its neighbourhood's median (one order of 100) with
        // heavy orders judged, and stays without (its own noise is as large as itself)
        let invoice = Self.shop(extra: [2 * 1440 + 1005: 50_000]).values
        let judged = BurstCleaning(revenue: invoice, raw: RunningTotals(invoice), first: 0, last: invoice.count - 1, heavyOrders: true)
        let asBefore = BurstCleaning(revenue: invoice, raw: RunningTotals(invoice), first: 0, last: invoice.count - 1)
        #expect(judged.bursts == 1 && asBefore.bursts == 0)
        #expect(judged.total(0, invoice.count - 1) <= invoice.reduce(0, +) - 49_900)
        // a shop of heavy baskets: an order of 1,000 every two hours beside the orders of 100 (worth
        // less than the four hours around it) is the shop's level, not a one-off
        let baskets = Self.shop(extra: Dictionary(uniqueKeysWithValues: (0..<4).flatMap { day in
            stride(from: 490, to: 1080, by: 120).map { (day * 1440 + $0, 1000.0) } })).values
        let kept = BurstCleaning(revenue: baskets, raw: RunningTotals(baskets), first: 0, last: baskets.count - 1, heavyOrders: true)
        #expect(kept.bursts == 0 && kept.total(0, baskets.count - 1) == baskets.reduce(0, +))
    }

    @Test func theNightIsForecastFromTheShopsOpeningHours() throws {
        // without an earlier sale, on days of 100 and 200 an order in turn: from 00:39 the 380
        // minutes to 07:00 earn nothing, as every night did (a flat level sold at night), with one
        // day seen (a level over the opening hours) and with two (the recent days' mean)
        let revenue = Series(start: 0, values: Self.shop().values.enumerated().map { $1 * Double(1 + ($0 / 1440) % 2) })
        for cutoff in [2 * 1440 + 39, 3 * 1440 + 39] {
            let forecast = try Forecaster.forecast(revenue: revenue, options: ForecastOptions(cutoff: cutoff, train: 1000, horizon: 500))
            let night = forecast.mean.values[379] - forecast.observedTotal
            #expect(night < 1, "cutoff \(cutoff): forecast \(night) before 07:00")
            #expect(forecast.mean.values[499] - forecast.observedTotal > 150, "cutoff \(cutoff): the first hour open is forecast")
        }
    }

    @Test func theRecentDaysMeanSkipsClosedDays() throws {
        // days 0 and 2 open (100 an order), day 1 closed: seen from 00:39 on day 3, the recent
        // days' mean at 10:00 is that of days 2 and 0 (3 orders in the hour around it), and
        // nothing at 03:00
        let revenue = Self.shop(closed: [1])
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: 3 * 1440 + 39, train: 1000, horizon: 500))
        let model = FlashcastModel(input: input)
        #expect(model.recentDaysBack(3 * 1440 + 600, origin: input.cutoff) == [1440, 3 * 1440])
        #expect(abs(model.forecastValue(.recentDays, row: 3 * 1440 + 600, origin: input.cutoff, past: nil, open: []) - 300.0 / 61) < 1e-9)
        #expect(model.forecastValue(.recentDays, row: 3 * 1440 + 180, origin: input.cutoff, past: nil, open: []) == 0)
        #expect(model.openHours(origin: input.cutoff) == (0..<24).map { $0 >= 8 && $0 < 18 })
    }
}
