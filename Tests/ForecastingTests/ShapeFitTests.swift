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
}
