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
