import NumberText
import SaleData

/// Scenarios tried on one baseline, side by side: what each brings by the end and by a time, and
/// whether it reaches a target.
public struct ScenarioComparison: Sendable, Equatable {
    /// The baseline as a scenario without events (gain 0).
    public let baseline: ScenarioForecast
    /// Each scenario's forecast, in the order given.
    public let scenarios: [ScenarioForecast]
    /// Minute revenue is also counted up to (everything before it), if asked.
    public let by: Int?
    /// Total revenue to reach by the end of the forecast, if asked.
    public let target: Double?

    /// Applies each scenario to the baseline.
    public init(baseline: Baseline, scenarios: [Scenario], by: Int? = nil, target: Double? = nil) {
        self.baseline = Scenario(name: "baseline", events: []).apply(to: baseline)
        self.scenarios = scenarios.map { $0.apply(to: baseline) }
        self.by = by
        self.target = target
    }

    /// Whether a forecast reaches the target by its end (nil without one).
    public func reaches(_ forecast: ScenarioForecast) -> Bool? {
        target.map { forecast.total >= $0 }
    }

    /// Every forecast minute of the baseline and each scenario:
    /// `scenario,minute,rate,mean,lower,upper` (mean, lower, upper cumulative); with several
    /// levels `lower50,upper50,lower80,upper80,...` in place of `lower,upper`, as a forecast's CSV.
    public var csv: String { csvHeader + csvRows(prefix: "") }

    /// The CSV's header line: `scenario,minute,rate,mean,` and the bounds of every band.
    var csvHeader: String {
        let levels = baseline.bands.map(\.percentText)
        let bounds = levels.count > 1 ? levels.map { "lower\($0),upper\($0)" }.joined(separator: ",") : "lower,upper"
        return "scenario,minute,rate,mean,\(bounds)\n"
    }

    /// The CSV's rows, each line starting with `prefix`, minutes labelled in `zone` (default the baseline's).
    func csvRows(prefix: String, zone: ShopZone? = nil) -> String {
        var text = ""
        for forecast in [baseline] + scenarios {
            let name = prefix + Self.csvField(forecast.name), clock = zone ?? forecast.mean.zone
            for i in 0..<forecast.mean.count {
                let values = [forecast.rate.values[i], forecast.mean.values[i]]
                    + forecast.bands.flatMap { [$0.lower.values[i], $0.upper.values[i]] }
                text += "\(name),\(clock.label(minute: forecast.mean.minute(at: i))),"
                    + values.map(NumberFormat.money).joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// A table of the end-of-sale totals and gains (and by `by`, the target, and last each level's
    /// band at the end, in the bands' order, when the main one has a width), one line a forecast.
    public var summary: String {
        var header = ["scenario", "total at end", "gain at end"]
        let byLabel = by.map { baseline.mean.zone.label(minute: $0) }
        if let byLabel { header += ["total by \(byLabel)", "gain by \(byLabel)"] }
        if target != nil { header.append("target") }
        let main = baseline.bands[0]
        let banded = (main.upper.values.last ?? 0) > (main.lower.values.last ?? 0)
        if banded { header += baseline.bands.map { "\($0.percentText)% band at end" } }
        var rows = [header]
        for forecast in [baseline] + scenarios {
            var row = [forecast.name, NumberFormat.money(forecast.total), NumberFormat.signed(forecast.gain)]
            if let by { row += [NumberFormat.money(forecast.total(by: by)), NumberFormat.signed(forecast.gain(by: by))] }
            if let reached = reaches(forecast) { row.append(reached ? "reached" : "missed") }
            if banded {
                row += forecast.bands.map { NumberFormat.money($0.lower.values.last ?? 0) + " .. " + NumberFormat.money($0.upper.values.last ?? 0) }
            }
            rows.append(row)
        }
        return Self.aligned(rows)
    }

    /// Rows as a table: the first column left-aligned, the others right-aligned, one line each.
    static func aligned(_ rows: [[String]]) -> String {
        let widths = (rows.first ?? []).indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
