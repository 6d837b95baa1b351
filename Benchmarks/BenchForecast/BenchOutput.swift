import Forecasting
import Foundation
import NumberText
import SaleData

enum BenchOutput {
    /// `minute,revenue,history`: the sale's per-minute revenue and the earlier sale's, row by row.
    static func writeCase(_ benchCase: BenchCase, folder: String) throws {
        var text = "minute,revenue,history\n"
        let history = benchCase.history?.values ?? []
        for (row, value) in benchCase.revenue.values.enumerated() {
            text += benchCase.revenue.label(at: row) + "," + NumberFormat.money(value) + "," + (row < history.count ? NumberFormat.money(history[row]) : "") + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(benchCase.name).csv"), options: .atomic)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f", $0 * 100) } ?? "-" }

    /// Experiment 1's pieces that count: origins with a day before the training window.
    static func counted(_ pieces: [Piece], _ experiment: Experiment) -> [Piece] {
        pieces.filter { $0.experiment == experiment && (experiment == .two || $0.seasoned) }
    }

    /// Models in the order they first appear.
    static func modelNames(_ pieces: [Piece]) -> [String] {
        pieces.reduce(into: [String]()) { if !$0.contains($1.model) { $0.append($1.model) } }
    }

    /// Per model over `pieces` of one experiment: origins, median / mean hre at each horizon, and
    /// the share of forecast minutes and of end values inside the 80% band.
    static func printSummary(_ pieces: [Piece], experiment: Experiment, title: String) {
        let horizons = ForecastMetrics.horizons.filter { $0 <= experiment.horizon }
        let mine = counted(pieces, experiment)
        guard !mine.isEmpty else { return }
        print("\n#### \(title)\n")
        print("| model | origins | " + horizons.map { "hre@\($0) % median / mean" }.joined(separator: " | ")
              + " | band holds minutes % | band holds ends % | ms |")
        print("|---|---" + String(repeating: "|---", count: horizons.count + 3) + "|")
        for name in modelNames(mine) {
            let own = mine.filter { $0.model == name }
            let cells = horizons.map { h -> String in
                let values = own.compactMap { $0.hre[h] }
                return percent(median(values)) + " / " + percent(mean(values))
            }
            let ends = own.compactMap(\.endInside)
            let endShare = ends.isEmpty ? nil : Double(ends.filter { $0 }.count) / Double(ends.count)
            let milliseconds = mean(own.map(\.seconds)).map { String(format: "%.0f", $0 * 1000) } ?? "-"
            print("| \(name) | \(own.count) | " + cells.joined(separator: " | ")
                  + " | \(percent(mean(own.compactMap(\.coverage)))) | \(percent(endShare)) | \(name == "oracle" ? "-" : milliseconds) |")
        }
    }

    /// One line per case kind: the default's median / mean hre at the experiment's horizon, the
    /// best other model's (oracle aside), and the default's band coverage of minutes and ends.
    static func printKinds(_ pieces: [Piece], experiment: Experiment, horizon: Int) {
        let mine = counted(pieces, experiment)
        let kinds = mine.reduce(into: [String]()) { if !$0.contains($1.kind) { $0.append($1.kind) } }
        print("\n#### experiment \(experiment == .one ? "1" : "2") per case kind: hre@\(horizon) %\n")
        print("| kind | origins | flashcast median / mean | best other median (model) | best other mean (model) | oracle median / mean | band holds minutes % | band holds ends % |")
        print("|---|---|---|---|---|---|---|---|")
        for kind in kinds {
            let own = mine.filter { $0.kind == kind }
            func stats(_ model: String) -> (median: Double?, mean: Double?) {
                let values = own.filter { $0.model == model }.compactMap { $0.hre[horizon] }
                return (median(values), mean(values))
            }
            let others = modelNames(own).filter { $0 != "flashcast" && $0 != "oracle" }.map { ($0, stats($0)) }
            let bestMedian = others.filter { $0.1.median != nil }.min { $0.1.median! < $1.1.median! }
            let bestMean = others.filter { $0.1.mean != nil }.min { $0.1.mean! < $1.1.mean! }
            let flashcast = stats("flashcast"), oracle = stats("oracle")
            let band = own.filter { $0.model == "flashcast" }
            let ends = band.compactMap(\.endInside)
            let endShare = ends.isEmpty ? nil : Double(ends.filter { $0 }.count) / Double(ends.count)
            print("| \(kind) | \(band.count) | \(percent(flashcast.median)) / \(percent(flashcast.mean)) | "
                  + "\(percent(bestMedian?.1.median)) (\(bestMedian?.0 ?? "-")) | \(percent(bestMean?.1.mean)) (\(bestMean?.0 ?? "-")) | "
                  + (oracle.median == nil ? "-" : "\(percent(oracle.median)) / \(percent(oracle.mean))")
                  + " | \(percent(mean(band.compactMap(\.coverage)))) | \(percent(endShare)) |")
        }
    }

    /// The default's share of forecast minutes / of end values inside each level's band: pooled over
    /// the simulated cases, per real case and per simulated kind; `*` marks a share outside the
    /// level +- 5 points (for 0.95: below 90%).
    static func printLevels(_ pieces: [Piece], experiment: Experiment, levels: [Double], real: [String]) {
        let mine = counted(pieces, experiment).filter { $0.model == "flashcast" }
        let kinds = mine.filter { !real.contains($0.caseName) }.reduce(into: [String]()) { if !$0.contains($1.kind) { $0.append($1.kind) } }
        let groups = [("pooled simulated", mine.filter { !real.contains($0.caseName) })] + real.map { name in (name, mine.filter { $0.caseName == name }) }
            + kinds.map { kind in (kind, mine.filter { $0.kind == kind && !real.contains($0.caseName) }) }
        print("\n#### experiment \(experiment == .one ? "1" : "2") per case kind: band holds minutes / ends %\n")
        print("| kind | origins | " + levels.map { "\(ForecastBand.percentText($0))% band" }.joined(separator: " | ") + " |")
        print("|---|---" + String(repeating: "|---", count: levels.count) + "|")
        for (name, group) in groups where !group.isEmpty {
            let cells = levels.map { level -> String in
                let holds = group.compactMap { $0.levels.first { abs($0.level - level) < 1e-9 } }
                let minutes = mean(holds.compactMap(\.minutes)), ends = holds.compactMap(\.end)
                let endShare = ends.isEmpty ? nil : Double(ends.filter { $0 }.count) / Double(ends.count)
                let outside = [minutes, endShare].contains { share in
                    share.map { level >= 0.95 ? $0 < level - 0.05 : abs($0 - level) > 0.05 } ?? false
                }
                return percent(minutes) + " / " + percent(endShare) + (outside ? " *" : "")
            }
            print("| \(name) | \(group.count) | " + cells.joined(separator: " | ") + " |")
        }
    }
}
