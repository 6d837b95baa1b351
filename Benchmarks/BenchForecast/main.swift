import Foundation
import Forecasting
import SaleData

// BenchForecast [OUTPUT_FOLDER] [--data SHARED_DATA] [--only MODEL,...] [--seeds K] [--no-history]: the accuracy
// benchmark of FlashCast's models on simulated sales (and the real one when its folder exists),
// beside the oracle (the simulator's expected revenue). Writes each case's per-minute CSV
// (`minute,revenue,history`), `cases.csv` and `flashcast.csv` for peers.py, and prints the tables.
// `--seeds K` also runs every simulated case with K-1 further seeds and prints the summary over all;
// `--no-history` hides the earlier sale from FlashCast's models (the oracle and peers.py's files keep it).

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let output = arguments.first { !$0.hasPrefix("--") && arguments.firstIndex(of: $0).map { $0 == 0 || !arguments[$0 - 1].hasPrefix("--") } ?? false }
    ?? "/tmp/flashcast-bench-forecast"
let models = option("--only").map { $0.split(separator: ",").compactMap { ForecastModel(rawValue: String($0)) } } ?? Evaluation.models
let dataFolder = option("--data") ?? "../shared/data"
let seeds = max(1, option("--seeds").flatMap { Int($0) } ?? 1)
let useHistory = !arguments.contains("--no-history")

try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
var cases = BenchCase.simulated()
if let real = BenchCase.real(dataFolder: dataFolder) { cases.append(real) } else {
    print("(no real sale: \(dataFolder) not found)")
}
var manifest = "case,rows,centred_cutoff,description\n"
var results: [CaseResult] = []
for benchCase in cases {
    try BenchOutput.writeCase(benchCase, folder: output)
    manifest += "\(benchCase.name),\(benchCase.revenue.count),\(benchCase.centredCutoff),\"\(benchCase.description)\"\n"
    let caseResults = Evaluation.run(benchCase, models: models, history: useHistory) + [Evaluation.oracle(benchCase)].compactMap { $0 }
    results += caseResults
    BenchOutput.printTable(caseResults, title: "\(benchCase.name): \(benchCase.description)")
}
try Data(manifest.utf8).write(to: URL(fileURLWithPath: output + "/cases.csv"), options: .atomic)
let resultRows = [CaseResult.csvHeader] + results.map(\.csvRow)
try Data((resultRows.joined(separator: "\n") + "\n").utf8).write(
    to: URL(fileURLWithPath: output + "/flashcast.csv"), options: .atomic)
BenchOutput.printTable(BenchOutput.medians(results), title: "median over \(cases.count) cases")
print("wrote \(output)/cases.csv, flashcast.csv and one CSV per case")
if seeds > 1 {
    var all = results
    for k in 1..<seeds {
        for benchCase in BenchCase.simulated(seedOffset: UInt64(1000 * k)) {
            all += Evaluation.run(benchCase, models: models, history: useHistory) + [Evaluation.oracle(benchCase)].compactMap { $0 }
        }
    }
    BenchOutput.printSeedSummary(all, cases: Set(all.map(\.caseName)).count)
}
