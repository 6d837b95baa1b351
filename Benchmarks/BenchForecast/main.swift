import Foundation
import Forecasting
import SaleData

// BenchForecast [OUTPUT_FOLDER] [--data FOLDER] [--only MODEL,...] [--kinds KIND,...] [--seeds K] [--seed-from S] [--no-history] [--no-sim] [--level L,...]:
// the accuracy yardstick of FlashCast's models: experiment 1 at every origin (train 1000, horizon 500,
// a cutoff every 240 minutes; the figures use origins with a day before the training window) and
// the rolling experiment 2 (500 -> 200, step 200), on every simulated shape with K seeds (offsets
// 1000 x S ... 1000 x (S+K-1); S = 0 is the fixed cases) and on the real shop when FOLDER holds it,
// beside the oracle (the simulator's expected revenue). Writes each case's per-minute CSV
// (`minute,revenue,history`), `cases.csv` and `pieces.csv` (one row per model and origin) and prints
// the tables. `--no-history` hides the earlier sale from FlashCast's models; `--kinds` keeps only the
// cases of those kinds (`sim-blackfriday,real-uk`); `--level L,...` measures the bands of those levels
// from one forecast each (0.8 by default; the first fills the `coverage` and `end_inside` columns) and,
// for more than one, prints every level's coverage per kind.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
let output = arguments.first { !$0.hasPrefix("--") && arguments.firstIndex(of: $0).map { $0 == 0 || !arguments[$0 - 1].hasPrefix("--") } ?? false }
    ?? "/tmp/flashcast-bench-forecast"
let models = option("--only").map { $0.split(separator: ",").compactMap { ForecastModel(rawValue: String($0)) } } ?? Evaluation.models
let seeds = max(1, option("--seeds").flatMap { Int($0) } ?? 1)
let firstSeed = max(0, option("--seed-from").flatMap { Int($0) } ?? 0)
let useHistory = !arguments.contains("--no-history")
let parsedLevels = (option("--level") ?? "").split(separator: ",").compactMap { Double($0) }.filter { $0 > 0 && $0 < 1 }
let levels = parsedLevels.isEmpty ? [0.8] : parsedLevels

try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
var cases: [BenchCase] = []
if !arguments.contains("--no-sim") {
    for k in firstSeed..<firstSeed + seeds { cases += BenchCase.simulated(seedOffset: UInt64(1000 * k)) }
}
if let folder = option("--data") {
    let real = BenchCase.real(dataFolder: folder)
    if real.isEmpty { print("(no real shop: \(folder) holds no online_retail_ii_2009_2010/orders.csv)") }
    cases += real
}
if let kinds = option("--kinds").map({ Set($0.split(separator: ",").map(String.init)) }) {
    cases = cases.filter { kinds.contains($0.kind) }
}
var manifest = "case,kind,rows,description\n"
var pieces: [Piece] = []
for benchCase in cases {
    try BenchOutput.writeCase(benchCase, folder: output)
    manifest += "\(benchCase.name),\(benchCase.kind),\(benchCase.revenue.count),\"\(benchCase.description)\"\n"
    pieces += try Evaluation.run(benchCase, models: models, history: useHistory, levels: levels)
}
try Data(manifest.utf8).write(to: URL(fileURLWithPath: output + "/cases.csv"), options: .atomic)
try Data((([Piece.csvHeader] + pieces.map(\.csvRow)).joined(separator: "\n") + "\n").utf8).write(
    to: URL(fileURLWithPath: output + "/pieces.csv"), options: .atomic)

let simulated = Set(cases.filter { !$0.isReal }.map(\.name))
let seedText = "seeds \(firstSeed)..\(firstSeed + seeds - 1)" + (useHistory ? "" : ", no earlier sale")
for experiment in Experiment.allCases {
    let name = experiment == .one ? "experiment 1 at every origin (1000 -> 500, step 240, a day before the training window)"
        : "experiment 2 (500 -> 200, step 200)"
    print("\n### \(name)")
    BenchOutput.printSummary(pieces.filter { simulated.contains($0.caseName) }, experiment: experiment,
                             title: "pooled over \(simulated.count) simulated cases (\(seedText))")
    for real in cases.filter(\.isReal) {
        BenchOutput.printSummary(pieces.filter { $0.caseName == real.name }, experiment: experiment, title: "\(real.name): \(real.description)")
    }
    for h in experiment == .one ? [200, 500] : [200] { BenchOutput.printKinds(pieces, experiment: experiment, horizon: h) }
    if levels.count > 1 { BenchOutput.printLevels(pieces, experiment: experiment, levels: levels, real: cases.filter(\.isReal).map(\.name)) }
}
print("\nwrote \(output)/cases.csv, pieces.csv and one CSV per case")
