import Foundation
import Testing
@testable import Forecasting

@Suite struct ShapeFitTests {
    static func blocks(_ targets: [Double], _ features: [[Double]]) -> [ShapeFit.Block] {
        targets.indices.map { i in ShapeFit.Block(target: targets[i], features: features.map { $0[i] }) }
    }

    @Test func aFeatureThatTracksTheSaleTakesAlmostAllTheWeight() {
        let fit = ShapeFit(blocks: Self.blocks([2, 4, 6, 8], [[1, 2, 3, 4], [1, 1, 1, 1]]), features: 2)
        // feature 1: ratios all 2, spread at the floor 0.02; feature 2: ratios 2, 4, 6, 8, median
        // sqrt(24) in logs, median absolute deviation (0.2027 + 0.4904) / 2 of the logs
        let spread = 1.4826 * (log(sqrt(24.0) / 4) + log(8 / sqrt(24.0))) / 2
        let weight = (1 / 0.0004) / (1 / 0.0004 + 1 / (spread * spread))
        #expect(abs(fit.scales[0] - 2) < 1e-12 && abs(fit.scales[1] - sqrt(24)) < 1e-12)
        #expect(abs(fit.weights[0] - weight) < 1e-12 && abs(fit.weights[0] + fit.weights[1] - 1) < 1e-12)
    }

    @Test func aCampaignHourDoesNotMoveTheScale() {
        let fit = ShapeFit(blocks: Self.blocks([10, 10, 30, 10, 10], [[5, 5, 5, 5, 5]]), features: 1)
        #expect(fit.scales == [2] && fit.weights == [1])
    }

    @Test func sparseHoursUseTheRatioOfTotals() {
        let fit = ShapeFit(blocks: Self.blocks([0, 0, 3, 0], [[1, 1, 1, 1]]), features: 1)
        #expect(fit.scales == [0.75])
    }

    @Test func oneEarningHourOnASideIsNoEvidenceOfALevel() {
        // last season earned in one hour only (a Sunday that closed early): setting that hour
        // aside leaves nothing to compare, so its raw ratio (12) is not taken as a level
        var fit = ShapeFit(blocks: Self.blocks([10, 2, 0.4, 0, 0, 0], [[1, 0, 0, 0, 0, 0]]), features: 1)
        #expect(abs(fit.scales[0] - 12.4) < 1e-12 && fit.isSparse(0))
        fit.keepUnlessSignificant(0)
        #expect(fit.scales == [1])
    }

    @Test func aFeatureCentredOnTheSaleIsTakenAsItStands() {
        // log ratios 0.1, -0.1, 0.05, -0.05, 0: median 0, so the feature tracks the sale as is
        let unbiased = Self.blocks([1, 1, 1, 1, 1].indices.map { [exp(0.1), exp(-0.1), exp(0.05), exp(-0.05), 1][$0] },
                                   [[1, 1, 1, 1, 1], [2, 2, 2, 2, 2]])
        var fit = ShapeFit(blocks: unbiased, features: 2)
        #expect(fit.tracksAsIs(0) && !fit.tracksAsIs(1))
        fit.useAlone(0)
        #expect(fit.scales[0] == 1 && fit.weights == [1, 0])
    }

    @Test func aFeatureBiasedBeyondTwoStandardErrorsIsScaled() {
        // log ratios 0.2 +- 0.05: median 0.2, spread 1.4826 x 0.05, standard error 1.2533 x that
        // over the root of 4 (0.046), so 0.2 is more than two standard errors from 0
        let ratios = [0.15, 0.25, 0.15, 0.25].map { exp($0) }
        let fit = ShapeFit(blocks: Self.blocks(ratios, [[1, 1, 1, 1]]), features: 1)
        #expect(!fit.tracksAsIs(0) && abs(fit.scales[0] - exp(0.2)) < 1e-12)
        // ratios of totals (sparse hours) are never taken as they stand
        #expect(!ShapeFit(blocks: Self.blocks([0, 0, 1, 0], [[1, 1, 1, 1]]), features: 1).tracksAsIs(0))
    }
}
