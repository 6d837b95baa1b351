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
}

/// The earlier sale's change between days counts only beyond what this sale's own days did
/// without it (`transferVariance`).
@Suite struct SeasonChangeTransferTests {
    /// A day's revenue a minute: 100 times `1 + wobble(minute of day)`.
    static func day(_ wobble: (Double) -> Double) -> [Double] { (0..<1440).map { 100 * (1 + wobble(Double($0))) } }
    static let plain = day { _ in 0 }
    static let sine = day { 0.2 * sin(2 * Double.pi * $0 / 1440) }
    static let cosine = day { 0.2 * cos(2 * Double.pi * $0 / 1440) }

    /// The default model from row 2000 (day 2, 09:20) of a 3-day sale `own` with the earlier sale `earlier`.
    static func model(own: [Double], earlier: [Double]) throws -> FlashcastModel {
        let options = ForecastOptions(cutoff: 2000, history: Series(start: 0, values: earlier))
        return FlashcastModel(input: try Forecaster.prepare(revenue: Series(start: 0, values: own), options: options))
    }

    @Test func aChangeNoLargerThanTheOnesThatDidNotCarryOverIsNotCarried() throws {
        // both sales' second days wobble by up to 20% over the day, each its own way; the earlier
        // sale's third day is 10% above its second: within the wobble this sale did not share
        let model = try Self.model(own: Self.plain + Self.sine + Self.sine, earlier: Self.plain + Self.cosine + Self.cosine.map { $0 * 1.1 })
        let transfer = model.transferVariance(origin: 2000, past: model.cleanedPast(origin: 2000))
        #expect(transfer > 0.005)
        #expect(abs(model.seasonChange(at: 2 * 1440 + 600, back: 1440) - 1.1) < 1e-9)
        #expect(model.seasonChange(at: 2 * 1440 + 600, back: 1440, transfer: transfer) == 1)
    }

    @Test func aBlackFridayStillCarriesOver() throws {
        // the same wobbles, but the earlier sale's third day doubled its second
        let model = try Self.model(own: Self.plain + Self.sine + Self.sine, earlier: Self.plain + Self.cosine + Self.cosine.map { $0 * 2 })
        let transfer = model.transferVariance(origin: 2000, past: model.cleanedPast(origin: 2000))
        #expect(abs(model.seasonChange(at: 2 * 1440 + 600, back: 1440, transfer: transfer) - 2) < 1e-9)
    }

    @Test func changesThatCarriedOverAtAnotherSizeAreNoMiss() throws {
        // this sale's second day followed the earlier sale's wobble, at one and a half times its size
        let wider = Self.day { 0.3 * cos(2 * Double.pi * $0 / 1440) }
        let model = try Self.model(own: Self.plain + wider + wider, earlier: Self.plain + Self.cosine + Self.cosine.map { $0 * 1.1 })
        let transfer = model.transferVariance(origin: 2000, past: model.cleanedPast(origin: 2000))
        #expect(transfer < 0.001)
        #expect(abs(model.seasonChange(at: 2 * 1440 + 600, back: 1440, transfer: transfer) - 1.1) < 1e-9)
    }
}
