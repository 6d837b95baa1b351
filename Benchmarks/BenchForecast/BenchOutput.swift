import Foundation
import Forecasting
import SaleData

enum BenchOutput {
    /// `minute,revenue,history`: the sale's per-minute revenue and the earlier sale's, row by row.
    static func writeCase(_ benchCase: BenchCase, folder: String) throws {
        var text = "minute,revenue,history\n"
        let history = benchCase.history?.values ?? []
        for (row, value) in benchCase.revenue.values.enumerated() {
            text += benchCase.revenue.label(at: row) + "," + money(value) + "," + (row < history.count ? money(history[row]) : "") + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(benchCase.name).csv"), options: .atomic)
    }

    static func money(_ value: Double) -> String { String(format: "%.2f", value) }

    /// A markdown table of percentages.
    static func printTable(_ results: [CaseResult], title: String) {
        print("\n### \(title)\n")
        print("| model | MAPE % | hre@60 % | hre@200 % | hre@500 % | coverage % | rolling hre@200 % | rolling coverage % | s |")
        print("|---|---|---|---|---|---|---|---|---|")
        for result in results {
            let cells: [Double?] = [result.centred?.mape, result.centred?.hre60, result.centred?.hre200, result.centred?.hre500,
                                    result.centred?.coverage, result.rolling?.hre200, result.rolling?.coverage]
            let text = cells.map { $0.map { String(format: "%.2f", $0 * 100) } ?? "-" }
            print("| \(result.model) | " + text.joined(separator: " | ") + String(format: " | %.3f |", result.seconds))
        }
    }

    /// Per model, the median over cases of every metric.
    static func medians(_ results: [CaseResult]) -> [CaseResult] {
        let names = results.reduce(into: [String]()) { if !$0.contains($1.model) { $0.append($1.model) } }
        return names.map { name in
            let mine = results.filter { $0.model == name }
            func median(_ values: [Double?]) -> Double? {
                let known = values.compactMap { $0 }.sorted()
                guard !known.isEmpty else { return nil }
                let middle = known.count / 2
                return known.count % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2
            }
            let centred = ForecastMetrics(
                mape: median(mine.map { $0.centred?.mape }), hre60: median(mine.map { $0.centred?.hre60 }),
                hre200: median(mine.map { $0.centred?.hre200 }), hre500: median(mine.map { $0.centred?.hre500 }),
                mase: median(mine.map { $0.centred?.mase }), coverage: median(mine.map { $0.centred?.coverage }),
                meanWidth: median(mine.map { $0.centred?.meanWidth }), minutesCompared: 0)
            var rolling = BacktestSummary(model: .drift, [])
            rolling.hre200 = median(mine.map { $0.rolling?.hre200 })
            rolling.coverage = median(mine.map { $0.rolling?.coverage })
            return CaseResult(caseName: "median", model: name, centred: centred, rolling: rolling,
                              seconds: median(mine.map(\.seconds)) ?? 0)
        }
    }
}

extension BenchOutput {
    /// Over many cases (every simulated shape with several seeds): per model the median and mean
    /// hre@500 of experiment 1, how often it beat seasonal naive there, the share of all forecast
    /// minutes inside the 80% band, and the rolling experiment's median hre@200 and coverage.
    static func printSeedSummary(_ results: [CaseResult], cases: Int) {
        print("\n### \(cases) cases (simulated shapes x seeds, and the real sale)\n")
        print("| model | median hre@500 % | mean hre@500 % | hre@500 below seasonal naive | exp. 1 coverage % | median rolling hre@200 % | mean rolling coverage % |")
        print("|---|---|---|---|---|---|---|")
        let naive = Dictionary(results.filter { $0.model == ForecastModel.seasonalNaive.rawValue }.map { ($0.caseName, $0.centred?.hre500) },
                               uniquingKeysWith: { first, _ in first })
        let names = results.reduce(into: [String]()) { if !$0.contains($1.model) { $0.append($1.model) } }
        for name in names {
            let mine = results.filter { $0.model == name }
            let hre = mine.compactMap { $0.centred?.hre500 }
            let compared = mine.compactMap { result -> Bool? in
                guard let own = result.centred?.hre500, let other = naive[result.caseName] ?? nil else { return nil }
                return own < other
            }
            let cells = [median(hre), mean(hre), nil, mean(mine.compactMap { $0.centred?.coverage }),
                         median(mine.compactMap { $0.rolling?.hre200 }), mean(mine.compactMap { $0.rolling?.coverage })]
            var text = cells.map { $0.map { String(format: "%.2f", $0 * 100) } ?? "-" }
            text[2] = name == ForecastModel.seasonalNaive.rawValue ? "-" : "\(compared.filter { $0 }.count) of \(compared.count)"
            print("| \(name) | " + text.joined(separator: " | ") + " |")
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
}
