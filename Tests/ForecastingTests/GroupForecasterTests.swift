import Foundation
import NeuralNet
import SaleData
import Testing
@testable import Forecasting

@Suite struct GroupForecasterTests {
    /// Three markets over four days: daily cycles at different hours, noise, and one market that
    /// grows, so the groups' forecasts and the total's disagree.
    static func markets() -> (total: Series, groups: [GroupSeries]) {
        var generator = SplitMix64(seed: 7)
        let minutes = 4 * 1440
        let shapes: [(String, Double, Double, Double)] = [("DE", 60, 8, 0), ("US", 40, 20, 0.3), ("JP", 25, 2, -0.1)]
        var groups: [GroupSeries] = []
        var total = [Double](repeating: 0, count: minutes)
        for (name, level, peakHour, growth) in shapes {
            let values = (0..<minutes).map { minute -> Double in
                let hour = Double(minute % 1440) / 60
                let cycle = 1 + 0.8 * cos((hour - peakHour) / 24 * 2 * .pi)
                let trend = 1 + growth * Double(minute) / Double(minutes)
                return max(0, level * cycle * trend * (0.7 + 0.6 * generator.unit()))
            }
            for index in values.indices { total[index] += values[index] }
            groups.append(GroupSeries(name: name, revenue: Series(start: 27_000_000, values: values)))
        }
        return (Series(start: 27_000_000, values: total), groups)
    }

    static func options(_ method: Reconciliation?) -> GroupForecastOptions {
        var forecast = ForecastOptions(cutoff: 3 * 1440 + 600, train: 1000, horizon: 300, model: .seasonalNaive)
        forecast.levels = [0.8]
        var options = GroupForecastOptions(forecast: forecast, reconciliation: method)
        options.origins = 2
        return options
    }

    @Test(arguments: Reconciliation.allCases)
    func theGroupsAddUpToTheTotal(method: Reconciliation) throws {
        let (total, groups) = Self.markets()
        let result = try GroupForecaster.forecast(total: total, groups: groups, options: Self.options(method))
        for row in 0..<result.total.rows {
            let sum = result.groups.reduce(0) { $0 + $1.forecast.mean.values[row] }
            #expect(abs(sum - result.total.mean.values[row]) < 1e-6 * max(1, sum))
            let rates = result.groups.reduce(0) { $0 + $1.forecast.rate.values[row] }
            #expect(abs(rates - result.total.rate.values[row]) < 1e-6 * max(1, abs(rates)))
        }
        #expect(result.reconciliation == method)
        #expect(result.choice.note == "given")
    }

    @Test func bottomUpKeepsTheGroupsAndWLSLiesBetween() throws {
        let (total, groups) = Self.markets()
        let bottomUp = try GroupForecaster.forecast(total: total, groups: groups, options: Self.options(.bottomUp))
        let wls = try GroupForecaster.forecast(total: total, groups: groups, options: Self.options(.wls))
        let base = try GroupForecaster.baseForecasts(total: total, groups: groups, options: Self.options(nil).forecast)
        #expect(bottomUp.groups.map(\.forecast.mean) == base.groups.map(\.mean))
        for row in 0..<wls.total.rows {
            let low = min(bottomUp.total.mean.values[row], base.direct.mean.values[row])
            let high = max(bottomUp.total.mean.values[row], base.direct.mean.values[row])
            #expect(wls.total.mean.values[row] >= low - 1e-6 && wls.total.mean.values[row] <= high + 1e-6)
        }
        // the total's band is its own forecast's, around the reconciled mean
        let last = wls.total.rows - 1
        #expect(abs((wls.total.upper.values[last] - wls.total.mean.values[last])
                    - (base.direct.upper.values[last] - base.direct.mean.values[last])) < 1e-6)
    }

    @Test func wlsSharesTheGapByVariance() {
        #expect(Reconciliation.wls.shares(totalVariance: 1, groupVariances: [1, 2]) == [0.25, 0.5])
        #expect(Reconciliation.bottomUp.shares(totalVariance: 1, groupVariances: [1, 2]) == [0, 0])
        #expect(Reconciliation.wls.shares(totalVariance: 0, groupVariances: [0, 0, 0]) == [0.25, 0.25, 0.25])
    }

    @Test func theBacktestChoosesTheMethodThatErredLeast() throws {
        let (total, groups) = Self.markets()
        let result = try GroupForecaster.forecast(total: total, groups: groups, options: Self.options(nil))
        let choice = result.choice
        #expect(choice.origins == [3 * 1440 + 300, 3 * 1440])
        #expect(Set(choice.scores.keys) == Set(Reconciliation.allCases))
        #expect(choice.scores[result.reconciliation] == choice.scores.values.min())
        #expect(choice.directTotalError != nil)
        #expect(result.summary.hasPrefix("\(result.reconciliation.label) by back-test over 2 origins: the total erred "))
    }

    @Test func errorsNameTheGroup() throws {
        let (total, groups) = Self.markets()
        var short = groups
        short[1].revenue = Series(start: 27_000_000, values: Array(groups[1].revenue.values.prefix(100)))
        #expect(throws: ForecastError.invalidOption(name: "groups", message: "must cover the total's rows: group 'US' has"
            + " 100 rows of 1 minutes from another start or step")) {
            try GroupForecaster.forecast(total: total, groups: short, options: Self.options(.wls))
        }
        var options = Self.options(.wls)
        options.forecast.model = .profile
        options.forecast.history = total
        #expect(throws: ForecastError.group(name: "DE", .historyRequired(model: .profile, reason: "pass the earlier sale's per-minute revenue as 'history'"))) {
            try GroupForecaster.forecast(total: total, groups: groups, options: options)
        }
    }
}

/// Seeded test data: a number in 0..<1 from the next 53 bits.
extension SplitMix64 {
    fileprivate mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
