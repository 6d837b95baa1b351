import SaleData
import Testing
@testable import Forecasting

@Suite struct GroupStandingTests {
    /// The markets of `GroupForecasterTests` with one market's revenue cut by `cut` after the cutoff.
    static func live(cutting name: String, by cut: Double) -> (total: Series, groups: [GroupSeries]) {
        let (_, groups) = GroupForecasterTests.markets()
        let cutoff = 3 * 1440 + 600  // GroupForecasterTests.options' cutoff
        let changed = groups.map { group -> GroupSeries in
            guard group.name == name else { return group }
            var revenue = group.revenue
            for row in (cutoff + 1)..<revenue.count { revenue.values[row] *= 1 - cut }
            return GroupSeries(name: group.name, revenue: revenue)
        }
        var total = changed[0].revenue
        total.values = total.values.indices.map { row in changed.reduce(0) { $0 + $1.revenue.values[row] } }
        return (total, changed)
    }

    @Test func theMarketThatFellBehindComesFirst() throws {
        let (total, groups) = GroupForecasterTests.markets()
        let forecast = try GroupForecaster.forecast(total: total, groups: groups, options: GroupForecasterTests.options(.bottomUp))
        let live = Self.live(cutting: "US", by: 0.5)
        let lastRow = forecast.total.cutoff + 120
        let standings = try GroupStandings.measure(
            total: live.total.slice(0..<(lastRow + 1)), forecast: forecast.total,
            groups: zip(live.groups, forecast.groups).map { ($0.name, $0.revenue.slice(0..<(lastRow + 1)), $1.forecast) })
        #expect(standings.groups.first?.name == "US")
        #expect(standings.behind.first?.name == "US")
        let us = try #require(standings.groups.first)
        #expect(us.row == lastRow)
        #expect(us.behindShare > 0.3 && us.behindShare < 0.7)
        #expect(!us.warnings.isEmpty)
        #expect(standings.total.behind > 0)
        // the total's shortfall is the groups' (bottom-up: the total's mean is their sum)
        let sum = standings.groups.reduce(0) { $0 + $1.behind }
        #expect(abs(sum - standings.total.behind) < 1e-6 * max(1, abs(sum)))
        #expect(standings.summary.hasPrefix("behind their forecast from \(us.since) to \(us.label): US "))
    }

    @Test func theSummaryNamesTheTenMostBehindAndCountsTheRest() {
        let standing = { (name: String, short: Double) in
            GroupStanding(name: name, row: 10, label: "2021-11-12T22:00", since: "2021-11-12T21:00", actual: 100 - short,
                          expected: 100, expectedGain: 100, warnings: [])
        }
        let groups = (1...5000).map { standing("s\($0)", Double($0 % 50)) }.sorted(by: GroupStandings.mostBehindFirst)
        let standings = GroupStandings(total: standing(GroupStandings.totalName, 0), groups: groups)
        #expect(standings.behind.count == 4900)
        #expect(standings.summary == "behind their forecast from 2021-11-12T21:00 to 2021-11-12T22:00: "
            + "s1049 49.0% (49 short), s1099 49.0% (49 short), s1149 49.0% (49 short), s1199 49.0% (49 short), "
            + "s1249 49.0% (49 short), s1299 49.0% (49 short), s1349 49.0% (49 short), s1399 49.0% (49 short), "
            + "s1449 49.0% (49 short), s149 49.0% (49 short), and 4,890 more; the total on or above its forecast")
    }

    @Test func actualsPastTheHorizonAreMeasuredAtItsEnd() throws {
        let (total, groups) = GroupForecasterTests.markets()
        let forecast = try GroupForecaster.forecast(total: total, groups: groups, options: GroupForecasterTests.options(.wls))
        let standing = try GroupStanding.measure(name: "DE", revenue: groups[0].revenue, forecast: forecast.groups[0].forecast)
        #expect(standing.row == forecast.total.cutoff + forecast.total.rows)
        #expect(standing.expected == forecast.groups[0].forecast.mean.values.last)
        let atCutoff = try GroupStanding.measure(name: "DE", revenue: groups[0].revenue.slice(0..<(forecast.total.cutoff + 1)),
                                                 forecast: forecast.groups[0].forecast)
        #expect(atCutoff.behind == 0 && atCutoff.behindShare == 0)
    }

    @Test func aGroupsBadDataNamesTheGroup() throws {
        let (total, groups) = GroupForecasterTests.markets()
        let forecast = try GroupForecaster.forecast(total: total, groups: groups, options: GroupForecasterTests.options(.wls))
        var broken = groups[1].revenue
        broken.values[10] = .nan
        do {
            _ = try GroupStandings.measure(total: total, forecast: forecast.total, groups: [("US", broken, forecast.groups[1].forecast)])
            Issue.record("a NaN in a group's revenue was measured")
        } catch {
            guard case .group(let name, _) = error else { Issue.record("not named: \(error)"); return }
            #expect(name == "US")
        }
    }

    @Test func theGroupedBacktestAddsUpAtEveryCutoff() throws {
        let (total, groups) = GroupForecasterTests.markets()
        var options = GroupForecasterTests.options(.wls)
        options.forecast.levels = [0.8]
        let result = try GroupBacktester.backtest(total: total, groups: groups, train: 1440, horizon: 720, step: 1440,
                                                  options: options)
        #expect(result.total.pieces.map(\.cutoff) == [1439, 2879, 4319])
        #expect(result.reconciliations == [.wls, .wls, .wls])
        #expect(result.groups.map(\.name) == ["DE", "US", "JP"])
        for (index, piece) in result.total.pieces.enumerated() {
            let sum = result.groups.reduce(0) { $0 + ($1.backtest.pieces[index].mean.values.last ?? 0) }
            #expect(abs(sum - (piece.mean.values.last ?? 0)) < 1e-6 * sum)
        }
        #expect(result.direct.pieces.count == 3)
        #expect(result.summary == "WLS (MinT, diagonal) at 3 of 3 cutoffs")
    }
}
