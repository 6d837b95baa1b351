import NumberText
import SaleData

/// Scenarios tried on a grouped forecast: every scenario on each group's baseline (or only on the
/// groups named) and, adding up, on the total's (see `ScenarioComparison(total:groups:)`).
public struct GroupScenarioComparison: Sendable, Equatable {
    /// The total's comparison: its baseline plus every group's extra.
    public let total: ScenarioComparison
    /// The groups' names, in the order given.
    public let names: [String]
    /// Each group's comparison, in the order of `names`.
    public let groups: [ScenarioComparison]

    /// Tries `scenarios` on every group in `only` (all groups when nil; elsewhere each scenario keeps
    /// its name but has no events) and on the total.
    public init(total: Baseline, groups: [(name: String, baseline: Baseline)], scenarios: [Scenario],
                only: Set<String>? = nil, by: Int? = nil, target: Double? = nil) {
        self.names = groups.map(\.name)
        self.groups = groups.map { group in
            let applies = only.map { $0.contains(group.name) } ?? true
            let tried = scenarios.map { applies ? $0 : Scenario(name: $0.name, events: []) }
            return ScenarioComparison(baseline: group.baseline, scenarios: tried, by: by, target: nil)
        }
        self.total = ScenarioComparison(total: total, groups: self.groups, by: by, target: target)
    }

    /// `group,scenario,minute,rate,mean,lower,upper` (the bounds as `ScenarioComparison.csv` names
    /// them): the total as `(total)`, then each group, every minute labelled in the total's zone (a
    /// group's own zone labels its series only).
    public var csv: String {
        let nodes = [("(total)", total)] + zip(names, groups).map { ($0, $1) }
        return "group," + total.csvHeader + nodes.map { name, comparison in
            comparison.csvRows(prefix: ScenarioComparison.csvField(name) + ",", zone: total.baseline.mean.zone)
        }.joined()
    }

    /// Each group's gain at the end in every scenario, one line a group, in the order given.
    public var gainsSummary: String {
        var rows = [["group"] + total.scenarios.map { "gain: \($0.name)" }]
        for (name, comparison) in [("(total)", total)] + zip(names, groups).map({ ($0, $1) }) {
            rows.append([name] + comparison.scenarios.map { NumberFormat.signed($0.gain) })
        }
        return ScenarioComparison.aligned(rows)
    }
}
