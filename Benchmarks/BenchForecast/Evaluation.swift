import Cancellation
import Foundation
import Forecasting
import SaleData

/// The two experiments: the paper's experiment 1 at every origin (train 1000, horizon 500, a
/// cutoff every 240 minutes), and the rolling experiment 2 (train 500, horizon 200, step 200).
enum Experiment: String, CaseIterable, Sendable {
    case one = "exp1"
    case two = "exp2"

    var train: Int { self == .one ? 1000 : 500 }
    var horizon: Int { self == .one ? 500 : 200 }
    var step: Int { self == .one ? 240 : 200 }

    /// Cutoffs `train-1, train-1+step, ...` while the whole horizon is known.
    func cutoffs(rows: Int) -> [Int] {
        Array(stride(from: train - 1, through: rows - 1 - horizon, by: step))
    }

    /// Whether a cutoff leaves a season (a day) before the training window, which seasonal naive
    /// and last season need; experiment 1's main figures use only these origins.
    func seasoned(_ cutoff: Int) -> Bool { cutoff + 1 - train >= 1440 }
}

/// One model's forecast from one origin, scored.
struct Piece: Sendable {
    let caseName: String
    let kind: String
    let model: String
    let experiment: Experiment
    let cutoff: Int
    let hre: [Int: Double]
    /// Signed error of the revenue gained over the whole horizon, over that revenue (above 0: too high).
    let bias: Double?
    /// Share of the forecast minutes whose actual lies inside the 80% band (nil without a band).
    let coverage: Double?
    /// Whether the actual at the horizon's end lies inside the band (nil without a band).
    let endInside: Bool?
    /// Every level's band: its level, share of forecast minutes inside it, whether the end value is
    /// (the first is the band of `coverage` and `endInside`).
    var levels: [LevelHolds] = []
    /// Seconds to train and forecast (intervals and metrics included).
    let seconds: Double

    var seasoned: Bool { experiment.seasoned(cutoff) }
}

/// How one level's band held at one origin.
struct LevelHolds: Sendable {
    let level: Double
    let minutes: Double?
    let end: Bool?
}

enum Evaluation {
    static let models: [ForecastModel] = [.flashcast, .paper, .drift, .seasonalNaive, .profile]

    /// Every model at every origin of both experiments; without the earlier sale when `history` is
    /// false; coverage and end values measured on the band of every one of `levels` (one forecast
    /// gives them all, as `level = {0.5, 0.8, 0.95}` does; the first is the main one). The forecasts
    /// run on every core (`ParallelJobs`), their pieces kept in the serial order (experiment, cutoff, model).
    static func run(_ benchCase: BenchCase, models: [ForecastModel] = models, history: Bool = true, levels: [Double] = [0.8]) throws -> [Piece] {
        let jobs = Experiment.allCases.flatMap { experiment in
            experiment.cutoffs(rows: benchCase.revenue.count).flatMap { cutoff in models.map { (experiment, cutoff, $0) } }
        }
        let pieces = try ParallelJobs.map(jobs.count) { index in
            let (experiment, cutoff, model) = jobs[index]
            return piece(benchCase, experiment: experiment, cutoff: cutoff, model: model, history: history, levels: levels)
        }
        return pieces.compactMap { $0 } + oracle(benchCase)
    }

    /// One model's forecast from one origin, scored (nil where the model cannot forecast there).
    static func piece(_ benchCase: BenchCase, experiment: Experiment, cutoff: Int, model: ForecastModel, history: Bool,
                      levels: [Double]) -> Piece? {
        var options = ForecastOptions(cutoff: cutoff, train: experiment.train, horizon: experiment.horizon, model: model,
                                      history: history ? benchCase.history : nil)
        options.levels = levels
        let clock = ContinuousClock()
        var forecast: Forecast?
        let elapsed = clock.measure { forecast = try? Forecaster.forecast(revenue: benchCase.revenue, options: options) }
        guard let forecast, let metrics = forecast.metrics else { return nil }
        let end = forecast.actual.values.count == experiment.horizon ? forecast.actual.values.last : nil
        let holds = levels.compactMap { level -> LevelHolds? in
            guard let band = forecast.band(level) else { return nil }
            return LevelHolds(level: level, minutes: metrics.bands.first { abs($0.level - level) < 1e-9 }?.coverage,
                              end: end.map { band.lower.values.last! <= $0 && $0 <= band.upper.values.last! })
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return Piece(caseName: benchCase.name, kind: benchCase.kind, model: model.rawValue, experiment: experiment,
                     cutoff: cutoff, hre: hre(metrics), bias: bias(forecast), coverage: holds.first?.minutes, endInside: holds.first?.end,
                     levels: holds, seconds: seconds)
    }

    static func bias(_ forecast: Forecast) -> Double? {
        guard let end = forecast.actual.values.last, forecast.actual.count == forecast.horizon else { return nil }
        return bias(forecast.mean.values.last! - forecast.observedTotal, end - forecast.observedTotal)
    }

    static func bias(_ forecastGain: Double, _ actualGain: Double) -> Double? {
        actualGain > 0 ? (forecastGain - actualGain) / actualGain : nil
    }

    static func hre(_ metrics: ForecastMetrics) -> [Int: Double] {
        ForecastMetrics.horizons.reduce(into: [Int: Double]()) { table, h in table[h] = metrics.hre(h) }
    }

    /// The simulator's expected revenue as a forecast (nothing for a real sale): the errors a
    /// perfect model would make, i.e. the sale's own noise, at the same origins.
    static func oracle(_ benchCase: BenchCase) -> [Piece] {
        guard let expected = benchCase.expected else { return [] }
        let revenue = benchCase.revenue.values
        return Experiment.allCases.flatMap { experiment in
            experiment.cutoffs(rows: revenue.count).map { cutoff in
                let observed = revenue[...cutoff].reduce(0, +)
                var forecast: [Double] = [], actual: [Double] = []
                var expectedTotal = observed, actualTotal = observed
                for row in cutoff + 1...cutoff + experiment.horizon {
                    expectedTotal += expected[row]
                    actualTotal += revenue[row]
                    forecast.append(expectedTotal)
                    actual.append(actualTotal)
                }
                let hre = ForecastMetrics.horizons.reduce(into: [Int: Double]()) { table, h in
                    table[h] = ForecastMetrics.horizonRevenueError(h: h, forecast: forecast, actual: actual, observedTotal: observed)
                }
                return Piece(caseName: benchCase.name, kind: benchCase.kind, model: "oracle", experiment: experiment, cutoff: cutoff,
                             hre: hre, bias: bias(forecast.last! - observed, actual.last! - observed), coverage: nil, endInside: nil, seconds: 0)
            }
        }
    }
}

extension Piece {
    /// The CSV header of `csvRow`.
    static let csvHeader = (["case", "kind", "model", "experiment", "cutoff"] + ForecastMetrics.horizons.compactMap { Metric(horizon: $0)?.key }
        + ["bias", "coverage", "end_inside", "seconds"]).joined(separator: ",")

    /// Percentages, empty where undefined.
    var csvRow: String {
        let percent = { (value: Double?) in value.map { String(format: "%.4f", $0 * 100) } ?? "" }
        let fields = [caseName, kind, model, experiment.rawValue, String(cutoff)] + ForecastMetrics.horizons.map { percent(hre[$0]) }
            + [percent(bias), percent(coverage), endInside.map { $0 ? "1" : "0" } ?? "", String(format: "%.4f", seconds)]
        return fields.joined(separator: ",")
    }
}
