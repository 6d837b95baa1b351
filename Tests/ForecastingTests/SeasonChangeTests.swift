import Foundation
import Testing
import SaleData
@testable import Forecasting

@Suite struct SeasonChangeTests {
    @Test func noiseVarianceFromMinuteToMinuteChanges() {
        let totals = RunningTotals([1, 3, 2, 6])
        // half squared changes 2, 0.5, 8; over rows 0...3 scaled by 4 / 3
        #expect(abs(totals.noiseVariance(0, 3) - 14) < 1e-12)
        #expect(abs(totals.noiseVariance(1, 2) - 1) < 1e-12)
        #expect(totals.noiseVariance(2, 2) == 0)
        #expect(totals.noiseVariance(-5, 0) == 0)
    }

    /// The default model of a 3-day sale whose earlier sale earns `first` a minute on day 1 and
    /// `second` on days 2 and 3.
    static func model(earlier first: [Double], _ second: [Double]) throws -> FlashcastModel {
        let days = 3 * 1440
        let history = Series(start: 0, values: (0..<days).map { row in row < 1440 ? first[row % first.count] : second[row % second.count] })
        let revenue = Series(start: 0, values: Array(repeating: 1, count: days))
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: 2000, history: history))
        return FlashcastModel(input: input)
    }

    @Test func aClearChangeBetweenDaysIsKept() throws {
        let model = try Self.model(earlier: [2], [3])
        #expect(abs(model.seasonChange(at: 2000, back: 1440) - 1.5) < 1e-12)
    }

    @Test func aChangeWithinTheNoiseCountsAsNone() throws {
        // minutes alternate 0 and 2 (day 1) or 0 and 2.04 (day 2): a 2% change, far inside the
        // noise of 361 such minutes, so the earlier sale is taken to have stayed level
        let model = try Self.model(earlier: [0, 2], [0, 2.04])
        #expect(model.seasonChange(at: 2000, back: 1440) == 1)
        // a 60% change in the same noise stands out (log 1.6 squared is 0.22, above 4 times the
        // noise, about 0.045) and is kept whole: 180 minutes of 3.2 against 180 of 2
        let strong = try Self.model(earlier: [0, 2], [0, 3.2]).seasonChange(at: 2000, back: 1440)
        #expect(abs(strong - 1.6) < 1e-12)
    }

    /// Late on the day before a day unlike it (Thursday 22:40 before Black Friday at 3 times), the
    /// change is Thursday's over Wednesday's (none), not Friday's midnight counted into Thursday's
    /// evening; just after midnight it is Friday's whole.
    @Test func theChangeIsMeasuredWithinTheDay() throws {
        let history = Series(start: 0, values: (0..<3 * 1440).map { $0 < 2880 ? 1 : 3 })
        let revenue = Series(start: 0, values: Array(repeating: 1, count: 3 * 1440))
        let model = FlashcastModel(input: try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: 2400, history: history)))
        #expect(model.seasonChange(at: 2800, back: 1440) == 1)
        #expect(abs(model.seasonChange(at: 2890, back: 1440) - 3) < 1e-12)
    }
}

@Suite struct HeavyTailedSeasonChangeTests {
    /// Per-minute revenue of a simulated 3-day sale of heavy-tailed baskets (log sd 1.5: one order
    /// can be half an hour's revenue), shaped like BenchForecast's sim-heavy.
    static func heavySale(seed: UInt64, orders: Double, daysEarlier: Int = 0) -> Series {
        var sale = SaleSimulation()
        sale.seed = seed
        sale.expectedOrders = orders
        sale.basketSigma = 1.5
        sale.dailyDepth = 0.9
        sale.start -= daysEarlier * 1440
        var cents = Array(repeating: Int64(0), count: sale.minutes)
        sale.forEachOrder { cents[$0.second / 60 - sale.start] += $0.cents }
        return Series(start: sale.start, values: cents.map { Double($0) / 100 }, zone: sale.zone)
    }

    /// Late on day 2 of such a sale, the earlier sale's evening fell to half of the evening before
    /// (by the chance of a few large orders) while this sale's did not: last season's scale,
    /// read from the newest six hours against last season times that fall, comes out near 2.9.
    /// The rest of the evening, whose window of the earlier sale shows no change, must not be
    /// forecast at 2.9 times last season (twice the newest hours' level): the scale and the change
    /// it is applied with agree, so the forecast stays near the level the newest hours reached.
    @Test func aScaleReadAgainstAChangeIsAppliedWithIt() throws {
        let revenue = Self.heavySale(seed: 11 + 183_000, orders: 4_300)
        let history = Self.heavySale(seed: 111 + 183_000, orders: 3_500, daysEarlier: 180)
        let cutoff = 2679
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: cutoff, train: 1000, horizon: 500, history: history))
        let model = FlashcastModel(input: input)
        let forecast = model.rates(origin: cutoff, horizon: 200)
        let recent = revenue.values[(cutoff - 359)...cutoff].reduce(0, +) / 360
        let ahead = forecast.reduce(0, +) / Double(forecast.count)
        #expect(ahead < 1.5 * recent, "forecast \(ahead) a minute against \(recent) over the newest six hours")
        #expect(ahead > 0.5 * recent)
    }
}
