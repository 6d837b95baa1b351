import Foundation
import Testing
import SaleData
@testable import Forecasting

@Suite struct IntervalCalibrationTests {
    typealias Residual = IntervalCalibration.Residual

    @Test func normalQuantileMatchesTheTable() {
        #expect(abs(IntervalCalibration.normalQuantile(0.5)) < 1e-9)
        #expect(abs(IntervalCalibration.normalQuantile(0.9) - 1.2815515655) < 1e-8)
        #expect(abs(IntervalCalibration.normalQuantile(0.975) - 1.9599639845) < 1e-8)
        #expect(abs(IntervalCalibration.normalQuantile(0.1) + 1.2815515655) < 1e-8)
    }

    @Test func smallSampleFactorFollowsStudentsT() {
        // t(0.9) for 4, 10 and 30 degrees of freedom from the t table, over z(0.9), times sqrt(1 + 1/n)
        let z = 1.2815515655
        for (n, t) in [(5.0, 1.533206), (11.0, 1.372184), (31.0, 1.310415)] {
            let expected = t / z * (1 + 1 / n).squareRoot()
            #expect(abs(IntervalCalibration.smallSampleFactor(n, tail: 0.1) - expected) < 0.01)
        }
        #expect(abs(IntervalCalibration.smallSampleFactor(10_000, tail: 0.1) - 1) < 0.001)
        // one case: far wider (t with 1 degree of freedom is 3.08), never more than 3 times
        #expect((2.5...3).contains(IntervalCalibration.smallSampleFactor(1, tail: 0.1)))
        #expect(IntervalCalibration.smallSampleFactor(1, tail: 0.005) == 3)
    }

    @Test func equalWeightsGiveTheClassicConformalRank() {
        let sorted = (1...19).map { Residual(value: Double($0), weight: 1) }
        // ceil((19 + 1) * 0.9) = 18: the 18th value from either end
        #expect(IntervalCalibration.weightedRank(sorted, 0.1, upper: true) == 18)
        #expect(IntervalCalibration.weightedRank(sorted, 0.1, upper: false) == 2)
        // too few cases for the rank: the extreme value
        let few = [1.0, 2, 3].map { Residual(value: $0, weight: 0.5) }
        #expect(IntervalCalibration.weightedRank(few, 0.1, upper: true) == 3)
        #expect(IntervalCalibration.weightedRank(few, 0.1, upper: false) == 1)
        #expect(IntervalCalibration.weightedRank([], 0.1, upper: true) == 0)
    }

    @Test func recentResidualsWeighMore() {
        // nine old small errors (weight 0.01) and ten recent errors of 5 (weight 1): the 90% point
        // is a recent one, though most errors by count are small
        let sorted = (1...9).map { Residual(value: Double($0) / 10, weight: 0.01) } + (0..<10).map { _ in Residual(value: 5, weight: 1) }
        #expect(IntervalCalibration.weightedRank(sorted, 0.1, upper: true) == 5)
        #expect(IntervalCalibration.weightedRank(sorted, 0.1, upper: false) == 5)
    }

    @Test func rollingBandsCoverAboutTheStatedShare() throws {
        // a steady simulated sale with an earlier one: the 80% bands of the rolling back-test hold
        // roughly 80% of the minutes (not all, not few)
        let current = SimulatedSales.revenue(seed: 5)
        let previous = SimulatedSales.revenue(seed: 6, orders: 25_000)
        let backtest = try Backtester.backtest(revenue: current, train: 500, horizon: 200, step: 200,
                                               options: ForecastOptions(history: previous))
        let coverage = try #require(backtest.summary[.coverage])
        #expect(coverage > 0.65 && coverage < 0.97, "coverage \(coverage)")
    }
}

@Suite struct SortedResidualsTests {
    typealias Residual = IntervalCalibration.Residual

    @Test func radixOrderIsTheStableSortsOrder() {
        var generator = SystemRandomNumberGenerator()
        // ties (rounded values), both signs, zeros of both signs, extremes
        var values = (0..<2000).map { _ in (Double.random(in: -3...3, using: &generator) * 4).rounded() / 4 }
        values += [0, -0.0, .infinity, -.infinity, 1e-300, -1e-300, .greatestFiniteMagnitude, 0, -0.0]
        // values alike in their top bits, apart in the lower ones (the runs the radix passes leave)
        values += (0..<500).map { _ in (Bool.random(using: &generator) ? 1 : -1) * (1 + Double(Int.random(in: 0..<50, using: &generator)) * 1e-12) }
        values.shuffle(using: &generator)
        let expected = values.indices.sorted { values[$0] < values[$1] }
        #expect(IntervalCalibration.SortedResiduals.stableOrder(values) == expected)
    }

    @Test func anyRangeOfHorizonsComesOutAsSortingItAloneWould() {
        var generator = SystemRandomNumberGenerator()
        let residuals = (0..<70).map { h in
            (0..<(h % 7 == 3 ? 0 : 1 + h % 5)).map { origin in
                Residual(value: (Double.random(in: -1...1, using: &generator) * 8).rounded() / 8,
                         weight: Double(origin + 1), origin: origin)
            }
        }
        let sorted = IntervalCalibration.SortedResiduals(residuals, reach: 60)
        var pool = IntervalCalibration.Pool(), marks: [UInt64] = []
        for (from, to) in [(1, 1), (1, 60), (3, 3), (17, 27), (40, 60), (59, 60)] {
            sorted.pool(from...to, into: &pool, marks: &marks)
            let alone = residuals[(from - 1)..<to].flatMap { $0 }.sorted { $0.value < $1.value }
            #expect(Array(pool.values) == alone.map(\.value) && Array(pool.weights) == alone.map(\.weight), "horizons \(from)...\(to)")
        }
    }

    /// The weighted conformal rank as a scan from one end adds the weights up (the definition
    /// `Pool.rank` reads from running sums by bisection).
    static func scannedRank(_ sorted: [Residual], _ tail: Double, upper: Bool) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let total = sorted.reduce(0) { $0 + $1.weight }, newest = sorted.map(\.weight).max() ?? 1
        let needed = (total + newest) * (1 - tail) * (1 - 1e-12)
        var passed = 0.0
        for index in sorted.indices {
            let residual = sorted[upper ? index : sorted.count - 1 - index]
            passed += residual.weight
            if passed >= needed { return residual.value }
        }
        return sorted[upper ? sorted.count - 1 : 0].value
    }

    @Test func bisectedRanksAreTheScansToTheLastBit() {
        var generator = SystemRandomNumberGenerator()
        for count in [1, 2, 3, 9, 10, 19, 20, 200, 1001] {
            // weights as the back-tests make them (halving with age, a tenth for another method),
            // equal weights (ties of running sums), values with ties
            let halving = (0..<count).map { _ in Double.random(in: 0...3, using: &generator) }
            for weights in [halving.map { pow(0.5, $0) * (Bool.random(using: &generator) ? 1 : 0.1) },
                            Array(repeating: 0.3, count: count)] {
                let sorted = weights.map { Residual(value: (Double.random(in: -2...2, using: &generator) * 4).rounded() / 4, weight: $0) }
                    .sorted { $0.value < $1.value }
                let pool = IntervalCalibration.Pool(sorted)
                for tail in [0.5, 0.25, 0.1, 0.025, 0.005] {
                    for upper in [false, true] {
                        #expect(pool.rank(tail, upper: upper).bitPattern == Self.scannedRank(sorted, tail, upper: upper).bitPattern,
                                "\(count) residuals, tail \(tail), upper \(upper)")
                    }
                }
            }
        }
    }

    /// Whether the back-tests erred one way all along, as first written: the residuals' origins
    /// sorted, split at the middle one's origin.
    static func sortedLastingBias(_ residuals: [Residual]) -> Bool {
        let origins = residuals.map(\.origin).sorted()
        guard origins.count >= 4 else { return false }
        let middle = origins[origins.count / 2]
        let halves = [residuals.filter { $0.origin < middle }, residuals.filter { $0.origin >= middle }]
        let shares = halves.map { half in half.isEmpty ? 0.5 : Double(half.filter { $0.value > 0 }.count) / Double(half.count) }
        return shares.allSatisfy { $0 >= IntervalCalibration.biasShare } || shares.allSatisfy { $0 <= 1 - IntervalCalibration.biasShare }
    }

    /// `residuals` split into lists of a few each, as horizons hold them.
    static func byHorizon(_ residuals: [Residual]) -> [[Residual]] {
        stride(from: 0, to: residuals.count, by: 3).map { Array(residuals[$0..<min($0 + 3, residuals.count)]) } + [[]]
    }

    @Test func lastingBiasByTallyIsTheSortedSplits() {
        var generator = SystemRandomNumberGenerator()
        var lasting = 0
        for trial in 0..<400 {
            // origins shared by several horizons, as the back-tests make them; a share of positive
            // errors drawn per trial so that both answers come up
            let origins = (0..<(1 + trial % 9)).map { _ in Int.random(in: 0...500, using: &generator) }
            let positive = Double.random(in: 0...1, using: &generator)
            let residuals = (0..<(trial % 40)).map { _ in
                Residual(value: Double.random(in: 0...1, using: &generator) < positive ? 0.1 : -0.1, weight: 1,
                         origin: origins.randomElement(using: &generator) ?? 0)
            }
            #expect(IntervalCalibration.lastingBias(Self.byHorizon(residuals)) == Self.sortedLastingBias(residuals), "\(residuals)")
            if Self.sortedLastingBias(residuals) { lasting += 1 }
        }
        #expect(lasting > 20 && lasting < 380)
    }
}
