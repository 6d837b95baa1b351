import NumberText
import SaleData

/// Where one forecast series (the total or a group) stands at the last minute known, against the
/// forecast made for it: "which market is behind?".
public struct GroupStanding: Sendable, Equatable {
    /// The group's name, `(total)` for the total.
    public var name: String
    /// 0-based row of the last minute known, or of the forecast's last minute when the actuals run past it.
    public var row: Int
    /// Its time, `YYYY-MM-DDTHH:MM` in the series' zone.
    public var label: String
    /// The time of the forecast's cutoff, the start of the minutes measured.
    public var since: String
    /// Cumulative revenue at that row.
    public var actual: Double
    /// The forecast's cumulative mean there (the actual itself at or before the cutoff).
    public var expected: Double
    /// The gain the forecast expected from the cutoff to that row.
    public var expectedGain: Double
    /// The early warnings of the series against its forecast (`EarlyWarning.check`).
    public var warnings: [EarlyWarning]

    /// Money short of the forecast at the last minute known (negative when ahead).
    public var behind: Double { expected - actual }
    /// `behind` as a share of the gain expected since the cutoff (0.1: 10% of the expected gain
    /// missing), so that small and large markets compare; 0 before any gain was expected.
    public var behindShare: Double { expectedGain > 0 ? behind / expectedGain : 0 }

    /// Where `revenue` (per row, the rows the forecast was made from and more) stands against `forecast`,
    /// with its warnings (`consecutive` minutes below the band, the expected end below `target`).
    public static func measure(name: String, revenue: Series, forecast: Forecast, consecutive: Int = 15,
                               target: Double? = nil) throws(ForecastError) -> GroupStanding {
        let warnings = try EarlyWarning.check(revenue: revenue, forecast: forecast, consecutive: consecutive, target: target)
        let row = min(revenue.count, forecast.cutoff + 1 + forecast.rows) - 1
        let actual = revenue.values.prefix(row + 1).reduce(0, +)
        let ahead = row - forecast.cutoff
        let expected = ahead > 0 ? forecast.mean.values[ahead - 1] : actual
        return GroupStanding(name: name, row: row, label: revenue.label(at: max(row, 0)), since: revenue.label(at: forecast.cutoff),
                             actual: actual, expected: expected,
                             expectedGain: ahead > 0 ? expected - forecast.observedTotal : 0, warnings: warnings)
    }
}

/// The total and every group against their reconciled forecasts, the groups most behind first.
public struct GroupStandings: Sendable, Equatable {
    /// The name the total goes by in tables: `(total)`.
    public static let totalName = "(total)"

    /// The total against its reconciled forecast.
    public var total: GroupStanding
    /// Each group against its reconciled forecast: those with a warning first, then by the share of
    /// their expected gain missing (most behind first), then by name.
    public var groups: [GroupStanding]

    /// The groups behind their forecast (`behind > 0`), most behind first.
    public var behind: [GroupStanding] { groups.filter { $0.behind > 0 } }

    /// The standings of the live `total` (per row, on the rows `forecast` was made from, or more) and of
    /// each group against their forecasts. `target` is the total's end-of-sale target, `targets` the
    /// groups' by name. An error in a group's data names the group.
    public static func measure(total: Series, forecast: Forecast,
                               groups: [(name: String, revenue: Series, forecast: Forecast)], consecutive: Int = 15,
                               target: Double? = nil, targets: [String: Double] = [:]) throws(ForecastError) -> GroupStandings {
        var standings: [GroupStanding] = []
        for group in groups {
            do throws(ForecastError) {
                standings.append(try GroupStanding.measure(name: group.name, revenue: group.revenue, forecast: group.forecast,
                                                           consecutive: consecutive, target: targets[group.name]))
            } catch {
                throw .group(name: group.name, error)
            }
        }
        let totalStanding = try GroupStanding.measure(name: totalName, revenue: total, forecast: forecast,
                                                      consecutive: consecutive, target: target)
        return GroupStandings(total: totalStanding, groups: standings.sorted(by: mostBehindFirst))
    }

    /// Groups the summary names at most; the others behind are counted (`and 4,520 more`).
    public static let summaryNames = 10

    /// One line, the groups most behind first: `behind their forecast from 2021-11-12T20:00 to 2021-11-12T22:00:
    /// US 12.3% (4.5k short), DE 2.0% (1.2k short); the total 3.1% (5.7k short)`, or `no group is behind ...`;
    /// beyond `summaryNames` groups behind, the rest are counted.
    public var summary: String {
        let text = { (standing: GroupStanding) in
            "\(MetricFormat.share.text(standing.behindShare)) (\(NumberFormat.short(standing.behind)) short)"
        }
        let totalText = total.behind > 0 ? "the total \(text(total))" : "the total on or above its forecast"
        let span = "from \(total.since) to \(total.label)"
        guard !behind.isEmpty else { return "no group is behind its forecast \(span); \(totalText)" }
        let behind = behind
        let more = behind.count > Self.summaryNames ? ", and \(NumberFormat.grouped(Double(behind.count - Self.summaryNames))) more" : ""
        return "behind their forecast \(span): "
            + behind.prefix(Self.summaryNames).map { "\($0.name) \(text($0))" }.joined(separator: ", ") + more + "; " + totalText
    }

    /// Warned groups first, then the larger share of the expected gain missing, then by name.
    static func mostBehindFirst(_ a: GroupStanding, _ b: GroupStanding) -> Bool {
        if a.warnings.isEmpty != b.warnings.isEmpty { return !a.warnings.isEmpty }
        if a.behindShare != b.behindShare { return a.behindShare > b.behindShare }
        return a.name < b.name
    }
}
