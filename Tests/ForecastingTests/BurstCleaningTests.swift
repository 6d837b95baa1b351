import Foundation
import Testing
import SaleData
@testable import Forecasting

@Suite struct BurstCleaningTests {
    /// Rows cycling 8, 10, 12 (each quarter hour earns 150, with a noise variance of 4 a row).
    static let steady = (0..<600).map { [8.0, 10, 12][$0 % 3] }

    static func cleaned(_ values: [Double], first: Int = 0) -> BurstCleaning {
        BurstCleaning(revenue: values, raw: RunningTotals(values), first: first, last: values.count - 1)
    }

    /// The sliding window gives each neighbourhood's median as sorting it would, ties and short
    /// edges included.
    @Test(arguments: [2, 3, 8]) func slidingMediansAreTheNeighbourhoodsMedians(radius: Int) {
        var generator = RandomSource(seed: 7)
        for count in [0, 1, radius, radius + 1, 2 * radius + 1, 40] {
            let sums = (0..<count).map { _ in Double(Int.random(in: 0...4, using: &generator)) * 2.5 }
            let naive = sums.indices.map { block in
                let window = Array(sums[max(0, block - radius)...min(count - 1, block + radius)])
                return window.count > radius ? ShapeFit.median(window) : sums[block]
            }
            #expect(BurstCleaning.neighbourhoodMedians(sums, radius: radius) == naive, "\(count) blocks: \(sums)")
        }
    }

    /// A stretch with nothing to clean reads the raw running totals (the whole series', from row 0)
    /// and gives, to the last bit, the totals that summing its own rows again gives, up to `last`
    /// and not past it; with something cleaned, or a stretch starting later, its rows are summed again.
    @Test func nothingToCleanReadsTheRawTotalsUpToTheLastRow() {
        var generator = RandomSource(seed: 11)
        let sparse = (0..<1500).map { _ in Int.random(in: 0..<40, using: &generator) == 0 ? Double.random(in: 1...90, using: &generator) : 0 }
        var burst = Self.steady + Self.steady
        for row in 300..<315 { burst[row] *= 3 }
        for (values, first) in [(sparse, 0), (Self.steady + Self.steady, 0), (burst, 0), (sparse, 200)] {
            for last in [0, 17, 599, 1000, values.count - 1] where last < values.count && last >= first {
                let cleaning = BurstCleaning(revenue: values, raw: RunningTotals(values), first: first, last: last)
                let own = cleaning.bursts == 0 && cleaning.outages == 0 ? RunningTotals(Array(values[first...last]), noise: false) : nil
                for (from, to) in [(0, last), (first, last + 50), (first + 3, last / 2), (last, last), (last + 1, last + 9)] {
                    let total = cleaning.total(from, to)
                    if let own {
                        #expect(total.bitPattern == own.total(from - first, min(to, last) - first).bitPattern, "\(first)...\(last): \(from)...\(to)")
                    }
                    #expect(to <= last || total == cleaning.total(from, last))  // nothing after the last row
                }
            }
        }
    }

    @Test func aBurstIsScaledDownToItsNeighbourhood() {
        var values = Self.steady
        for row in 300..<315 { values[row] *= 3 }  // a quarter hour that earned 450 instead of 150
        let cleaning = Self.cleaned(values)
        #expect(cleaning.bursts == 1)
        #expect(abs(cleaning.total(300, 314) - 150) < 1e-9)
        #expect(abs(cleaning.total(0, 599) - 6000) < 1e-9)
        // the shape within the block is kept: its first row earned 24 of 450, now 8
        #expect(abs(cleaning.total(300, 300) - 8) < 1e-12)
    }

    @Test func steadyAndSmoothlyVaryingRevenueIsLeftAlone() {
        #expect(Self.cleaned(Self.steady).bursts == 0)
        let daily = (0..<(2 * 1440)).map { 3 + 2 * sin(2 * Double.pi * Double($0) / 1440) }
        let cleaning = Self.cleaned(daily)
        #expect(cleaning.bursts == 0)
        #expect(abs(cleaning.total(0, daily.count - 1) - daily.reduce(0, +)) < 1e-9)
    }

    @Test func aSingleLargeOrderIsNoiseNotABurst() {
        // a shop that sells rarely: one invoice of 5000 among empty minutes stays
        var values = Array(repeating: 0.0, count: 600)
        values[310] = 5000
        let cleaning = Self.cleaned(values)
        #expect(cleaning.bursts == 0 && cleaning.total(0, 599) == 5000)
    }

    @Test func refundsDoNotMakeAReferenceToScaleTo() {
        // a quiet shop whose quarter hours net out below zero (returns): nothing to scale down to
        var values = Array(repeating: -1.0, count: 600)
        for row in 300..<315 { values[row] = 0 }
        let cleaning = Self.cleaned(values)
        #expect(cleaning.bursts == 0 && cleaning.total(0, 599) == -585)
    }

    @Test func blocksEndAtTheLastRowAndRowsBeforeTheStretchCountAsNothing() {
        var values = Self.steady
        for row in 592..<600 { values[row] *= 4 }  // the newest 8 rows: half of the last block
        let cleaning = Self.cleaned(values, first: 107)  // 493 rows: 32 blocks and 13 rows kept as they are
        #expect(cleaning.bursts == 1)
        #expect(abs(cleaning.total(585, 599) - 150) < 1e-9)
        #expect(cleaning.total(0, 106) == 0)
        #expect(abs(cleaning.total(107, 119) - Self.steady[107...119].reduce(0, +)) < 1e-12)
    }

    @Test func yesterdaysCampaignIsNotForecastAgainToday() throws {
        // three days of a daily cycle; on day 2 a campaign tripled revenue for an hour at the time
        // of day the forecast covers on day 3. The earlier sale has the same cycle without it.
        let day = (0..<1440).map { 3 + 2 * sin(2 * Double.pi * Double($0) / 1440) }
        var values = day + day + day
        for row in (1440 + 700)..<(1440 + 760) { values[row] *= 3 }
        let options = ForecastOptions(cutoff: 2 * 1440 + 599, train: 1000, horizon: 500, history: Series(start: 0, values: day + day + day))
        let forecast = try Forecaster.forecast(revenue: Series(start: 0, values: values), options: options)
        let gained = forecast.rate.values.reduce(0, +), truth = day[600..<1100].reduce(0, +)
        let campaign = day[700..<760].reduce(0, +) * 2
        #expect(abs(gained - truth) < 0.01 * truth)
        #expect(campaign > 0.15 * truth)
    }

    @Test func aPeakThatRecursIsAPatternNotABurst() throws {
        // the same hour tripled every day (a daily deal): last season's peak is kept and forecast
        let day = (0..<1440).map { 3 + 2 * sin(2 * Double.pi * Double($0) / 1440) }
        var daily = day
        for row in 700..<760 { daily[row] *= 3 }
        let options = ForecastOptions(cutoff: 2 * 1440 + 599, train: 1000, horizon: 500)
        let forecast = try Forecaster.forecast(revenue: Series(start: 0, values: daily + daily + daily), options: options)
        let truth = daily[600..<1100].reduce(0, +)
        #expect(abs(forecast.rate.values.reduce(0, +) - truth) < 0.01 * truth)
        // a peak only yesterday, but the earlier sale had it at the same minutes: kept too
        var once = day + day + day
        for row in (1440 + 700)..<(1440 + 760) { once[row] *= 3 }
        var withHistory = options
        withHistory.history = Series(start: 0, values: daily + daily + daily)
        let echoed = try Forecaster.forecast(revenue: Series(start: 0, values: once), options: withHistory)
        let cleaned = BurstCleaning(revenue: once, raw: RunningTotals(once), first: 0, last: 2 * 1440 + 599)
        #expect(cleaned.bursts > 0)
        #expect(echoed.rate.values.reduce(0, +) > day[600..<1100].reduce(0, +) * 1.1)
    }

    @Test func blocksAreQuarterHoursWhateverTheRowsStep() {
        let geometries = [1, 5, 60].map { BurstCleaning.Geometry(step: $0) }
        #expect(geometries.map(\.blockRows) == [15, 3, 1] && geometries.map(\.radiusBlocks) == [8, 8, 2])
        // two days of 5-minute rows with a daily cycle: nothing stands out; one tripled
        // quarter hour (3 rows) does
        var rows = (0..<576).map { 3 + 2 * sin(2 * Double.pi * Double($0) / 288) }
        #expect(BurstCleaning(revenue: rows, raw: RunningTotals(rows), first: 0, last: 575, step: 5).bursts == 0)
        for row in 300..<303 { rows[row] *= 3 }
        let cleaned = BurstCleaning(revenue: rows, raw: RunningTotals(rows), first: 0, last: 575, step: 5)
        #expect(cleaned.bursts == 1)
    }

    @Test func anOutageIsRaisedToItsNeighbourhood() {
        var values = Self.steady
        for row in 300..<345 { values[row] = 0 }  // 45 minutes down: three quarter hours earned nothing
        let cleaning = Self.cleaned(values)
        #expect(cleaning.outages == 3 && cleaning.bursts == 0)
        #expect(abs(cleaning.total(300, 344) - 450) < 1e-9)
        // a slow quarter hour (half its neighbours') is no outage
        for row in 300..<345 { values[row] = Self.steady[row] / 2 }
        #expect(Self.cleaned(values).outages == 0)
    }

    @Test func yesterdaysOutageIsNotForecastAgainToday() throws {
        // three days of a daily cycle; on day 2 the site was down for an hour at the time of day
        // the forecast covers on day 3: with or without an earlier sale, it is not forecast again
        let day = (0..<1440).map { 3 + 2 * sin(2 * Double.pi * Double($0) / 1440) }
        var values = day + day + day
        for row in (1440 + 700)..<(1440 + 760) { values[row] = 0 }
        let truth = day[600..<1100].reduce(0, +)
        for history in [nil, Series(start: 0, values: day + day + day)] {
            let options = ForecastOptions(cutoff: 2 * 1440 + 599, train: 1000, horizon: 500, history: history)
            let forecast = try Forecaster.forecast(revenue: Series(start: 0, values: values), options: options)
            #expect(abs(forecast.rate.values.reduce(0, +) - truth) < 0.01 * truth)
            // and the hour of the outage is forecast at its usual level
            let hour = forecast.rate.values[100..<160].reduce(0, +)
            #expect(abs(hour - day[700..<760].reduce(0, +)) < 0.02 * hour)
        }
    }

    @Test func aShopThatShutsEveryDayStaysShut() throws {
        // the same hour empty every day (a lunch break): a pattern, forecast empty again
        let day = (0..<1440).map { 3 + 2 * sin(2 * Double.pi * Double($0) / 1440) }
        var daily = day
        for row in 700..<760 { daily[row] = 0 }
        let options = ForecastOptions(cutoff: 2 * 1440 + 599, train: 1000, horizon: 500)
        let forecast = try Forecaster.forecast(revenue: Series(start: 0, values: daily + daily + daily), options: options)
        #expect(forecast.rate.values[115..<145].reduce(0, +) < 1)  // (last season is smoothed over 31 minutes)
    }
}
