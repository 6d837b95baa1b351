import Foundation
import Testing
import SaleData
@testable import Forecasting

/// The room bands keep for what back-tests inside the sale cannot show: a special day ahead, and
/// bursts nobody announced (`IntervalCalibration.UnseenRisk`).
@Suite struct UnseenRiskTests {
    /// Four days, Wednesday to Saturday, of 8,000 orders an ordinary day, whose Friday is
    /// `friday` times an ordinary day (with a midnight surge) and whose Saturday `saturday` times.
    static func week(seed: UInt64, friday: Double, saturday: Double) -> Series {
        let days: [(orders: Double, surge: Double)] = [(1, 0), (1, 0), (friday, friday > 1 ? 2 : 0), (saturday, 0)]
        var values: [Double] = []
        for (index, day) in days.enumerated() {
            var simulation = SaleSimulation()
            simulation.seed = seed + UInt64(index)
            simulation.start = SaleSimulation().start + index * 1440
            simulation.minutes = 1440
            simulation.expectedOrders = 8_000 * day.orders
            simulation.surgeLift = day.surge
            simulation.surgeHalfLife = 120
            simulation.closingLift = 0
            var cents = Array(repeating: Int64(0), count: 1440)
            simulation.forEachOrder { cents[$0.second / 60 - simulation.start] += $0.cents }
            values += cents.map { Double($0) / 100 }
        }
        return Series(start: SaleSimulation().start, values: values, zone: .utc)
    }

    /// This year's Black Friday week (3x) and last year's (2x); an ordinary week and its earlier one.
    static let blackFriday = (current: week(seed: 40, friday: 3, saturday: 1.5), earlier: week(seed: 50, friday: 2, saturday: 1.5))
    static let ordinary = (current: week(seed: 60, friday: 1, saturday: 1), earlier: week(seed: 70, friday: 1, saturday: 1))

    /// The day-level risk's log standard deviation at each forecast row, from `cutoff`.
    static func sigmas(_ sale: Series, history: Series?, cutoff: Int, horizon: Int = 500) throws -> [Double] {
        let input = try Forecaster.prepare(revenue: sale, options: ForecastOptions(cutoff: cutoff, train: 1000, horizon: horizon, history: history))
        return IntervalCalibration.UnseenRisk.daySigmas(input, cleaned: input.revenue, horizon: horizon)
    }

    /// Thursday 20:39: the horizon reaches Black Friday, which last year was twice Thursday: its
    /// rows carry half its log lift as a standard deviation, Thursday's none. An ordinary week's
    /// Friday carries nothing.
    @Test func aSpecialDayAheadIsUncertainInProportionToItsLift() throws {
        let cutoff = 2 * 1440 - 201  // Thursday 20:39
        let special = try Self.sigmas(Self.blackFriday.current, history: Self.blackFriday.earlier, cutoff: cutoff)
        let thursday = 200, lift = log(2.0)
        #expect(special.prefix(thursday).allSatisfy { $0 == 0 })
        #expect(special.dropFirst(thursday).allSatisfy { abs($0 - IntervalCalibration.UnseenRisk.dayLiftUncertainty * lift) < 0.05 },
                "\(special[thursday])")
        #expect(try Self.sigmas(Self.ordinary.current, history: Self.ordinary.earlier, cutoff: cutoff).allSatisfy { $0 == 0 })
    }

    /// Saturday 00:39: the forecast carries Friday's level, which was special, into a day not yet
    /// seen; the risk fades as Saturday's own hours are seen, and is gone after six of them.
    @Test func aDayCarryingASpecialDaysLevelIsUncertainUntilItsOwnHoursAreSeen() throws {
        let saturday = 4 * 1440 - 1440
        let early = try Self.sigmas(Self.blackFriday.current, history: Self.blackFriday.earlier, cutoff: saturday + 39, horizon: 300)
        let later = try Self.sigmas(Self.blackFriday.current, history: Self.blackFriday.earlier, cutoff: saturday + 239, horizon: 300)
        let settled = try Self.sigmas(Self.blackFriday.current, history: Self.blackFriday.earlier, cutoff: saturday + 399, horizon: 300)
        #expect(early[0] > 0.3)
        #expect(later[0] > 0 && later[0] < early[0] / 2)
        #expect(settled.allSatisfy { $0 == 0 })
    }

    /// Without an earlier sale, nothing says Black Friday will differ from the Thursday before it
    /// (the days so far were alike): no room. Once Friday came in at three times Thursday, the
    /// Saturday after it (carrying Friday's level) may be as unlike.
    @Test func withoutAnEarlierSaleOnlyDaysSeenToDifferWiden() throws {
        let thursday = try Self.sigmas(Self.blackFriday.current, history: nil, cutoff: 2 * 1440 - 201)
        #expect(thursday.allSatisfy { $0 == 0 })
        let saturday = try Self.sigmas(Self.blackFriday.current, history: nil, cutoff: 3 * 1440 + 39, horizon: 300)
        #expect(saturday.allSatisfy { $0 > 0.3 })
        #expect(try Self.sigmas(Self.ordinary.current, history: nil, cutoff: 3 * 1440 + 39, horizon: 300).allSatisfy { $0 == 0 })
    }

    /// End to end, at every level: the band of the forecast reaching Black Friday is wider, for
    /// the revenue to come, than the same forecast's over Thursday's rows, and wider than an
    /// ordinary week's; the ordinary week's bands keep no day-level room at all.
    @Test func theBandWidensOverTheSpecialDayOnly() throws {
        func forecast(_ sale: (current: Series, earlier: Series)) throws -> Forecast {
            var options = ForecastOptions(cutoff: 2 * 1440 - 201, train: 1000, horizon: 500, history: sale.earlier)
            options.levels = [0.5, 0.8, 0.95]
            return try Forecaster.forecast(revenue: sale.current, options: options)
        }
        let special = try forecast(Self.blackFriday), ordinary = try forecast(Self.ordinary)
        func width(_ forecast: Forecast, _ band: ForecastBand, _ h: Int) -> Double {
            (band.upper.values[h - 1] - band.lower.values[h - 1]) / (forecast.mean.values[h - 1] - forecast.observedTotal)
        }
        for (bandOfSpecial, bandOfOrdinary) in zip(special.bands, ordinary.bands) {
            #expect(width(special, bandOfSpecial, 500) > 1.5 * width(ordinary, bandOfOrdinary, 500), "level \(bandOfSpecial.level)")
            #expect(width(special, bandOfSpecial, 500) > width(special, bandOfSpecial, 150) + 0.1, "level \(bandOfSpecial.level)")
        }
        let input = try Forecaster.prepare(revenue: Self.ordinary.current, options: ForecastOptions(cutoff: 2 * 1440 - 201, train: 1000, horizon: 500,
                                                                                                   history: Self.ordinary.earlier))
        let risk = IntervalCalibration.UnseenRisk(IntervalCalibration(input: input, model: try ForecastModel.flashcast.fit(input)),
                                                  mean: ordinary.mean.values, level: 0.8)
        #expect(risk.above.allSatisfy { $0 == 0 } && risk.below.allSatisfy { $0 == 0 })
    }

    /// After a campaign nobody announced, the upper bound keeps room for another at the rate this
    /// one came (more at higher levels), the lower bound none; burst-free bands (a what-if
    /// scenario states its campaigns) keep none.
    @Test func burstsNobodyAnnouncedWidenOnlyUpwards() throws {
        func calibration(_ revenue: Series) throws -> (IntervalCalibration, [Double]) {
            let options = ForecastOptions(cutoff: 3000, train: 1000, horizon: 500)
            let input = try Forecaster.prepare(revenue: revenue, options: options)
            return (IntervalCalibration(input: input, model: try ForecastModel.flashcast.fit(input)),
                    try Forecaster.forecast(revenue: revenue, options: options).mean.values)
        }
        let (campaigned, mean) = try calibration(SimulatedSales.revenue(seed: 33, orders: 60_000, campaigns: [.init(minute: 1500, lift: 3, halfLife: 60)]))
        let rooms = [0.5, 0.8, 0.95].map { IntervalCalibration.UnseenRisk(campaigned, mean: mean, level: $0) }
        #expect(rooms.allSatisfy { $0.bursts.count == 500 })
        #expect(rooms[0].bursts[499] < rooms[1].bursts[499] && rooms[1].bursts[499] < rooms[2].bursts[499])
        #expect(rooms[2].bursts[499] > 0.05)
        let widened = rooms[2].widened((-0.01, 0.01), h: 500)
        #expect(abs(widened.0 + 0.01) < 1e-12 && widened.1 == rooms[2].bursts[499])
        #expect(IntervalCalibration.UnseenRisk(campaigned, mean: mean, level: 0.95, bursts: false).bursts.isEmpty)
        // a sale without bursts keeps no such room
        let (calm, calmMean) = try calibration(SimulatedSales.revenue(seed: 34, orders: 60_000))
        #expect(IntervalCalibration.UnseenRisk(calm, mean: calmMean, level: 0.95).bursts.allSatisfy { $0 == 0 })
    }

    /// The count of bursts the upper tail holds: none while the chance of one is under the tail,
    /// a whole one once it is twice the tail (and the chance of two is under it), growing
    /// continuously with the horizon; none before any burst was seen.
    @Test func theBurstCountGrowsSmoothlyWithTheirChance() {
        typealias Risk = IntervalCalibration.UnseenRisk
        let tail = 0.1, span = 3000
        // one burst seen over `span` rows: no burst within `rows` while (span / (span + rows))^2 > 1 - tail
        let onset = Int(Double(span) / (1 - tail).squareRoot()) - span
        #expect(Risk.burstCount(seen: 1, over: span, within: onset - 1, tail: tail) == 0)
        #expect(Risk.burstCount(seen: 1, over: span, within: onset + 20, tail: tail) > 0)
        let whole = Int(Double(span) / (1 - 2 * tail).squareRoot()) - span
        #expect(abs(Risk.burstCount(seen: 1, over: span, within: whole, tail: tail) - 1) < 0.01)
        #expect(Risk.burstCount(seen: 0, over: span, within: 5000, tail: tail) == 0)
        var previous = 0.0
        for rows in 1...5000 {
            let count = Risk.burstCount(seen: 2, over: span, within: rows, tail: tail)
            #expect(count >= previous && count - previous < 0.01, "rows \(rows)")
            previous = count
        }
    }

    /// The ordinary day is the level most days share, even where special days are half of them.
    @Test func theOrdinaryDayIsTheLevelMostDaysShare() {
        typealias Risk = IntervalCalibration.UnseenRisk
        #expect(abs(Risk.ordinaryLevel([0, 0.01, log(2), log(1.5)]) - 0.005) < 1e-12)
        #expect(Risk.ordinaryLevel([0, -0.73, -0.69]) == (-0.73 + -0.69) / 2)
        #expect(Risk.specialOffset(0.2) == 0 && Risk.specialOffset(-0.3) == -0.3)
    }
}
