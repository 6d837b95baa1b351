import Forecasting
import SaleData

extension ScenarioComparison {
    /// The total's comparison made from its groups' (each the same scenarios, in the same order, tried
    /// on the group's own baseline): each scenario's rate is the total baseline's plus every group's
    /// extra over its baseline, so the total's scenarios add up to the groups' as the baselines do; its
    /// bands are the total baseline's moved by that extra (the total's band knows how the groups move
    /// together; the effects' spreads, tried on each group, are not added).
    public init(total: Baseline, groups: [ScenarioComparison], by: Int? = nil, target: Double? = nil) {
        let rows = total.rate.count
        self.baseline = Scenario(name: "baseline", events: []).apply(to: total)
        self.scenarios = (0..<(groups.first?.scenarios.count ?? 0)).map { index in
            var extra = [Double](repeating: 0, count: rows)
            for group in groups {
                let tried = group.scenarios[index], base = group.baseline
                for row in 0..<min(rows, tried.rate.count, base.rate.count) { extra[row] += tried.rate.values[row] - base.rate.values[row] }
            }
            var rate = total.rate
            rate.values = zip(total.rate.values, extra).map(+)
            var added = 0.0
            let shift = extra.map { value in added += value; return added }
            let moved = { (bound: Series) in Series(start: bound.start, step: bound.step, values: zip(bound.values, shift).map(+), zone: bound.zone) }
            let events = groups.lazy.map { $0.scenarios[index].events }.first { !$0.isEmpty } ?? []
            return ScenarioForecast(name: groups[0].scenarios[index].name, events: events, baseline: total, rate: rate,
                                    mean: Baseline.cumulative(rate, from: total.observed),
                                    bands: Scenario(name: "", events: events).baselineBands(total).map { ForecastBand(level: $0.level, lower: moved($0.lower), upper: moved($0.upper)) })
        }
        self.by = by
        self.target = target
    }
}
