import Forecasting
import SaleData
import Testing

@testable import Scenarios

@Suite struct ScenarioComparisonTests {
    /// 100 a minute for 10 minutes from 2024-05-20T14:00 UTC after 1000 observed.
    let baseline = Baseline(observed: 1000, rate: Series(start: 28_603_560, values: Array(repeating: 100, count: 10)))
    var email: Scenario {
        Scenario(name: "e-mail", events: [.campaign(CampaignEffect(minute: 28_603_562, lift: 1, riseMinutes: 2, halfLife: 1))])
    }

    @Test func summaryTableWithTimeAndTarget() {
        let comparison = ScenarioComparison(baseline: baseline, scenarios: [email], by: 28_603_565, target: 2100)
        #expect(comparison.summary == """
            scenario  total at end  gain at end  total by 2024-05-20T14:05  gain by 2024-05-20T14:05   target
            baseline       2000.00        +0.00                    1500.00                     +0.00   missed
            e-mail         2246.88      +246.88                    1650.00                   +150.00  reached

            """)
        #expect(comparison.reaches(comparison.scenarios[0]) == true)
        #expect(ScenarioComparison(baseline: baseline, scenarios: []).summary == "scenario  total at end  gain at end\nbaseline       2000.00        +0.00\n")
    }

    @Test func summaryShowsTheMainBandAtTheEndWhenItHasAWidth() {
        let mean = baseline.mean
        let banded = Baseline(observed: 1000, rate: baseline.rate,
                              bands: [ForecastBand(level: 0.8, lower: mean.map { 1000 + ($0 - 1000) * 0.8 }, upper: mean.map { 1000 + ($0 - 1000) * 1.2 })])
        #expect(ScenarioComparison(baseline: banded, scenarios: []).summary == """
            scenario  total at end  gain at end     80% band at end
            baseline       2000.00        +0.00  1800.00 .. 2200.00

            """)
    }

    @Test func summaryShowsEveryLevelsBandAtTheEnd() {
        let mean = baseline.mean
        let band = { (level: Double, spread: Double) in
            ForecastBand(level: level, lower: mean.map { 1000 + ($0 - 1000) * (1 - spread) }, upper: mean.map { 1000 + ($0 - 1000) * (1 + spread) })
        }
        let banded = Baseline(observed: 1000, rate: baseline.rate, bands: [band(0.5, 0.1), band(0.8, 0.2), band(0.95, 0.4)])
        #expect(ScenarioComparison(baseline: banded, scenarios: []).summary == """
            scenario  total at end  gain at end     50% band at end     80% band at end     95% band at end
            baseline       2000.00        +0.00  1900.00 .. 2100.00  1800.00 .. 2200.00  1600.00 .. 2400.00

            """)
    }

    @Test func theTotalOfGroupsAddsTheirExtraAndMovesItsBand() {
        let group = { (rate: Double) in Baseline(observed: 500, rate: Series(start: 28_603_560, values: Array(repeating: rate, count: 10))) }
        let (a, b) = (group(60), group(40))
        let mean = baseline.mean
        let total = Baseline(observed: 1000, rate: baseline.rate,
                             bands: [ForecastBand(level: 0.8, lower: mean.map { $0 - 50 }, upper: mean.map { $0 + 50 })])
        let tried = [ScenarioComparison(baseline: a, scenarios: [email]),
                     ScenarioComparison(baseline: b, scenarios: [Scenario(name: "e-mail", events: [])])]
        let sum = ScenarioComparison(total: total, groups: tried, target: 2100)
        #expect(sum.scenarios.map(\.name) == ["e-mail"] && sum.target == 2100)
        let scenario = sum.scenarios[0]
        #expect(abs(scenario.gain - tried[0].scenarios[0].gain) < 1e-9 && scenario.gain > 0)
        for row in 0..<10 {
            let groups = tried[0].scenarios[0].mean.values[row] + tried[1].scenarios[0].mean.values[row]
            #expect(abs(scenario.mean.values[row] - groups) < 1e-9)
            #expect(abs(scenario.upper.values[row] - scenario.mean.values[row] - 50) < 1e-9)
        }
        #expect(scenario.events == email.events)
    }

    @Test func csvHoldsEveryMinuteOfEachForecast() {
        let named = Scenario(name: "mail, 14:02", events: email.events)
        let lines = ScenarioComparison(baseline: baseline, scenarios: [named]).csv.split(separator: "\n")
        #expect(lines.count == 21)
        #expect(lines[0] == "scenario,minute,rate,mean,lower,upper")
        #expect(lines[1] == "baseline,2024-05-20T14:00,100.00,1100.00,1100.00,1100.00")
        #expect(lines[15] == "\"mail, 14:02\",2024-05-20T14:04,200.00,1650.00,1650.00,1650.00")
    }

    @Test func csvCarriesEachLevelAsAForecastDoes() {
        let mean = baseline.mean
        let bands = [0.5, 0.8, 0.95].map { ForecastBand(level: $0, lower: mean, upper: mean.map { $0 + 10 }) }
        let nested = Baseline(observed: baseline.observed, rate: baseline.rate, bands: bands)
        let lines = ScenarioComparison(baseline: nested, scenarios: []).csv.split(separator: "\n")
        #expect(lines[0] == "scenario,minute,rate,mean,lower50,upper50,lower80,upper80,lower95,upper95")
        #expect(lines[1] == "baseline,2024-05-20T14:00,100.00,1100.00,1100.00,1110.00,1100.00,1110.00,1100.00,1110.00")
    }
}
