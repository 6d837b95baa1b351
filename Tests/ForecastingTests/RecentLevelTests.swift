import Foundation
import Testing
import SaleData
@testable import Forecasting

/// The default model follows a level that moved in the last six hours (a day unlike the day
/// before it), and only then.
@Suite struct RecentLevelTests {
    /// Blocks, newest first, whose log ratios to a feature of 1 are `logRatios`.
    static func blocks(_ logRatios: [Double]) -> [ShapeFit.Block] {
        logRatios.map { ShapeFit.Block(target: exp($0), features: [1]) }
    }

    /// Deterministic jitter of about +-0.05 in the logs.
    static func jitter(_ index: Int) -> Double { 0.05 * sin(Double(index) * 2.3) }

    @Test func aLevelThatMovedForSixHoursSetsTheScale() {
        // the newest 6 hours earn 3 times what the feature says, the 12 before as it says
        let logRatios = (0..<18).map { ($0 < 6 ? log(3) : 0) + Self.jitter($0) }
        var fit = ShapeFit(blocks: Self.blocks(logRatios), features: 1, recentBlocks: 6)
        #expect(abs(log(fit.scales[0])) < 0.1)
        fit.followRecentLevel(0)
        #expect(abs(log(fit.scales[0]) - log(3)) < 0.1)
    }

    @Test func aLevelThatMovedHalfTheWindowAgoIsJudgedByTheWobbleOnEitherSide() {
        // the newest 8 hours earn half what the feature says, the 8 before as it says: across the
        // move the ratios spread by half their gap, within either side by their jitter alone
        let logRatios = (0..<16).map { ($0 < 8 ? log(0.5) : 0) + Self.jitter($0) }
        var fit = ShapeFit(blocks: Self.blocks(logRatios), features: 1, recentBlocks: 6)
        fit.setScale(0, to: 1)
        fit.followRecentLevel(0)
        #expect(abs(log(fit.scales[0]) - log(0.5)) < 0.1)
    }

    @Test func aWindowAcrossTwoMovesIsJudgedWithinTheNewestDay() {
        // Saturday morning after Black Friday, without an earlier sale: last season's ratios are
        // Saturday over Friday (0.5) for the newest 9 hours and Friday over Thursday (3) for the 9
        // before, so the window's median lies between and its standard error counts both moves as
        // wobble; within Saturday the ratios barely wobble, and the newest hours set the scale
        let logRatios = (0..<18).map { ($0 < 9 ? log(0.5) : log(3)) + Self.jitter($0) }
        let blocks = logRatios.indices.map { ShapeFit.Block(target: exp(logRatios[$0]), features: [1], day: $0 < 9 ? 3 : 2) }
        var fit = ShapeFit(blocks: blocks, features: 1, recentBlocks: 6)
        fit.setScale(0, to: 1)
        let followed = fit.followRecentLevel(0)
        #expect(followed && abs(log(fit.scales[0]) - log(0.5)) < 0.1)
    }

    @Test func aCampaignOfTwoRecentHoursDoesNotMoveTheScale() {
        let logRatios = (0..<18).map { ($0 < 2 ? log(3) : 0) + Self.jitter($0) }
        var fit = ShapeFit(blocks: Self.blocks(logRatios), features: 1, recentBlocks: 6)
        let before = fit.scales[0]
        fit.followRecentLevel(0)
        #expect(fit.scales[0] == before)
    }

    @Test func noiseAloneNeverMovesTheScaleFarFromTheFeature() {
        // many random hour-to-hour patterns of noise (sd 0.05 in the logs) around a true ratio of 1:
        // whether or not the recent hours are followed, the scale stays within their noise
        var random = RandomSource(seed: 7)
        for _ in 0..<200 {
            let logRatios = (0..<17).map { _ in 0.05 * random.normal() }
            var fit = ShapeFit(blocks: Self.blocks(logRatios), features: 1, recentBlocks: 6)
            fit.followRecentLevel(0)
            #expect(abs(log(fit.scales[0])) < 0.12)
        }
    }

    @Test func sparseFitsDoNotFollowAFewRecentHours() {
        // most hours earn nothing: ratios of totals, too few hours for a level of their own
        let targets: [Double] = [30, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0, 10]
        var fit = ShapeFit(blocks: targets.map { ShapeFit.Block(target: $0, features: [5]) }, features: 1, recentBlocks: 6)
        let before = fit.scales[0]
        fit.followRecentLevel(0)
        #expect(fit.isSparse(0) && fit.scales[0] == before)
    }

    /// Four days of a shop with a daily rhythm (Wednesday to Saturday) whose Friday earns 3 times an
    /// ordinary day and whose Saturday 1.5 times.
    static func blackFridayWeek() -> Series {
        let levels = [1.0, 1.0, 3.0, 1.5]
        return Series(start: 0, values: (0..<4 * 1440).map { row in
            levels[row / 1440] * (10 + 6 * sin(Double(row % 1440) / 1440 * 2 * .pi)) * (1 + Self.jitter(row))
        })
    }

    @Test func sixHoursIntoTheDayAfterBlackFridayTheForecastFollowsThatDay() throws {
        // from 07:00 on Saturday, without an earlier sale: last season (Friday, 3x) scaled by the
        // training window's ratio to Thursday (3) would forecast 9 times an ordinary day; the last
        // six hours say Saturday earns half of Friday
        let revenue = Self.blackFridayWeek()
        let cutoff = 3 * 1440 + 420 - 1
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: cutoff))
        let rates = FlashcastModel(input: input).rates(origin: cutoff, horizon: 500)
        let forecast = rates.reduce(0, +), actual = revenue.values[(cutoff + 1)...(cutoff + 500)].reduce(0, +)
        #expect(abs(forecast / actual - 1) < 0.1, "forecast \(forecast), actual \(actual)")
    }

    @Test func theDayAfterBlackFridayIsNotLiftedTwice() throws {
        // from 00:30 on Saturday, before Saturday has shown its level: the scale fitted on Friday
        // against Thursday (3) lifts Thursday's hours, not Friday's again, so the forecast is about
        // Friday's level (what the recent hours know), not 3 times it
        let revenue = Self.blackFridayWeek()
        let cutoff = 3 * 1440 + 30 - 1
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: cutoff))
        let forecast = FlashcastModel(input: input).rates(origin: cutoff, horizon: 500).reduce(0, +)
        let friday = revenue.values[(cutoff + 1 - 1440)...(cutoff + 500 - 1440)].reduce(0, +)
        #expect(abs(forecast / friday - 1) < 0.1, "forecast \(forecast), Friday's same hours \(friday)")
    }

    @Test func fridaysMidnightRushIsNotForecastAgainForSaturday() throws {
        // Black Friday opens with a midnight rush (its first 5 hours at 6 times Thursday's, then 3
        // times) and Saturday earns 1.5 times Thursday. From 20:39 on Friday, without an earlier
        // sale, Saturday's first hours read Friday's: read as they stand they forecast the rush
        // again (4 times what comes, 0.98 of Friday's); Friday read at the level it reached (3) is
        // not (the 6-hour windows that measure Friday's rise over Thursday take in its rush's end)
        let levels = [1.0, 1.0, 3.0, 1.5]
        let revenue = Series(start: 0, values: (0..<4 * 1440).map { row in
            let day = row / 1440, minute = row % 1440
            return levels[day] * (day == 2 && minute < 300 ? 2 : 1) * (10 + 6 * sin(Double(minute) / 1440 * 2 * .pi)) * (1 + Self.jitter(row))
        })
        let cutoff = 2 * 1440 + 1239
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: cutoff))
        let rates = FlashcastModel(input: input).rates(origin: cutoff, horizon: 500)
        let saturday = 3 * 1440 - cutoff - 1, hours = saturday..<saturday + 300
        let forecast = hours.reduce(0) { $0 + rates[$1] }
        let friday = revenue.values[(2 * 1440)..<(2 * 1440 + 300)].reduce(0, +)
        let actual = revenue.values[(3 * 1440)..<(3 * 1440 + 300)].reduce(0, +)
        #expect(forecast < 0.8 * friday, "forecast \(forecast), Friday's same hours \(friday), actual \(actual)")
    }

    @Test func theSecondEveningIsReadAtTheLevelOfTheNewestHoursNotTheOpeningSurgesMean() throws {
        // a sale opens at 9 times its level, the surge halving every 4 hours; no earlier sale. On
        // the second day last season is the opening day: today's hourly ratios to it climb from
        // 0.2 (at 04:00) to 0.8 (at 20:00) as its surge fades, and their median over the window
        // (0.55) would forecast the evening at about half of what comes
        let revenue = Series(start: 0, values: (0..<3 * 1440).map { (row: Int) -> Double in
            let surge: Double = 1 + 8 * pow(2, -Double(row) / 240)
            let daily: Double = 10 + 6 * sin(Double(row % 1440) / 1440 * 2 * .pi)
            return surge * daily * (1 + Self.jitter(row))
        })
        let cutoff = 1440 + 1239
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: cutoff))
        let rates = FlashcastModel(input: input).rates(origin: cutoff, horizon: 500)
        let forecast: Double = rates.prefix(200).reduce(0, +), actual: Double = revenue.values[(cutoff + 1)...(cutoff + 200)].reduce(0, +)
        #expect(abs(forecast / actual - 1) < 0.2, "forecast \(forecast), actual \(actual)")
    }

    @Test func theDayAfterADayUnlikeTheOneBeforeIsReadAtTheOrdinaryLevel() throws {
        // Black Friday at 3 times Thursday (its first 5 hours at 6 times), Saturday at 1.5; no
        // earlier sale. From 00:39 on Saturday, nothing yet says whether Saturday keeps Friday's
        // level: read as Friday (about 3) it errs +100%, read at Thursday's level -33%
        let levels = [1.0, 1.0, 3.0, 1.5]
        let revenue = Series(start: 0, values: (0..<4 * 1440).map { (row: Int) -> Double in
            let day = row / 1440, minute = row % 1440
            let daily: Double = 10 + 6 * sin(Double(minute) / 1440 * 2 * .pi)
            return levels[day] * (day == 2 && minute < 300 ? 2 : 1) * daily * (1 + Self.jitter(row))
        })
        let cutoff = 3 * 1440 + 39
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: cutoff))
        let rates = FlashcastModel(input: input).rates(origin: cutoff, horizon: 500)
        let forecast: Double = rates.reduce(0, +), actual: Double = revenue.values[(cutoff + 1)...(cutoff + 500)].reduce(0, +)
        #expect(abs(forecast / actual - 1) < 0.4, "forecast \(forecast), actual \(actual)")
    }

    @Test func besideAnEarlierSaleWhoseBigDayDidNotComeBackTheForecastFollowsToday() throws {
        // last year's Friday earned twice its Thursday, this year's Friday is an ordinary day: from
        // 10:00 on Friday, last season (Thursday) times last year's change (2) would forecast twice
        // what comes; ten hours of Friday say the level is Thursday's
        let week = { (levels: [Double]) in
            Series(start: 0, values: (0..<4 * 1440).map { row in
                levels[row / 1440] * (10 + 6 * sin(Double(row % 1440) / 1440 * 2 * .pi)) * (1 + Self.jitter(row))
            })
        }
        let revenue = week([1, 1, 1, 1]), earlier = week([1, 1, 2, 1])
        let cutoff = 2 * 1440 + 600 - 1
        let input = try Forecaster.prepare(revenue: revenue, options: ForecastOptions(cutoff: cutoff, history: earlier))
        let rates = FlashcastModel(input: input).rates(origin: cutoff, horizon: 500)
        let forecast = rates.reduce(0, +), actual = revenue.values[(cutoff + 1)...(cutoff + 500)].reduce(0, +)
        #expect(abs(forecast / actual - 1) < 0.1, "forecast \(forecast), actual \(actual)")
    }
}
