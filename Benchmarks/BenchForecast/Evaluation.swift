import Foundation
import Forecasting
import SaleData

/// One model's accuracy on one case: experiment 1 (train 1000 centred, horizon 500) and the
/// rolling experiment 2 (500 in, 200 out, step 200).
struct CaseResult {
    let caseName: String
    let model: String
    let centred: ForecastMetrics?
    let rolling: BacktestSummary?
    /// Seconds to train and forecast experiment 1 (intervals and metrics included).
    let seconds: Double
}

enum Evaluation {
    static let models: [ForecastModel] = [.flashcast, .paper, .drift, .seasonalNaive, .profile]

    /// Every model on a case; without the earlier sale when `history` is false.
    static func run(_ benchCase: BenchCase, models: [ForecastModel] = models, history: Bool = true) -> [CaseResult] {
        models.map { model in
            var options = ForecastOptions(cutoff: benchCase.centredCutoff, train: 1000, horizon: 500, model: model,
                                          history: history ? benchCase.history : nil)
            let clock = ContinuousClock()
            var centred: ForecastMetrics?
            let elapsed = clock.measure { centred = (try? Forecaster.forecast(revenue: benchCase.revenue, options: options))?.metrics }
            options.cutoff = nil
            let rolling = try? Backtester.backtest(revenue: benchCase.revenue, train: 500, horizon: 200, step: 200, options: options)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            return CaseResult(caseName: benchCase.name, model: model.rawValue, centred: centred, rolling: rolling?.summary,
                              seconds: seconds)
        }
    }
}

extension CaseResult {
    /// The CSV header of `csvRow`.
    static let csvHeader = "case,model,mape,hre60,hre200,hre500,coverage,rolling_mape,rolling_hre200,rolling_coverage,seconds"

    /// Percentages, empty where undefined.
    var csvRow: String {
        let fields: [Double?] = [centred?.mape, centred?.hre60, centred?.hre200, centred?.hre500, centred?.coverage,
                                 rolling?.mape, rolling?.hre200, rolling?.coverage]
        return ([caseName, model] + fields.map { $0.map { String(format: "%.4f", $0 * 100) } ?? "" }
            + [String(format: "%.4f", seconds)]).joined(separator: ",")
    }
}

extension Evaluation {
    /// The simulator's expected revenue as a forecast (nil for the real sale): the errors a perfect
    /// model would make, i.e. the sale's own noise, on experiment 1 and the rolling experiment.
    static func oracle(_ benchCase: BenchCase) -> CaseResult? {
        guard let expected = benchCase.expected else { return nil }
        let revenue = benchCase.revenue.values
        func errors(cutoff: Int, horizon: Int) -> (mape: Double?, hre: [Int: Double]) {
            let observed = revenue[...cutoff].reduce(0, +)
            var forecast: [Double] = [], actual: [Double] = []
            var expectedTotal = observed, actualTotal = observed
            for row in cutoff + 1...cutoff + horizon {
                expectedTotal += expected[row]
                actualTotal += revenue[row]
                forecast.append(expectedTotal)
                actual.append(actualTotal)
            }
            let percentages = zip(forecast, actual).filter { $0.1 > 0 }.map { abs($0.0 - $0.1) / $0.1 }
            let hre = ForecastMetrics.horizons.reduce(into: [Int: Double]()) { table, h in
                table[h] = ForecastMetrics.horizonRevenueError(h: h, forecast: forecast, actual: actual, observedTotal: observed)
            }
            return (percentages.isEmpty ? nil : percentages.reduce(0, +) / Double(percentages.count), hre)
        }
        let centred = errors(cutoff: benchCase.centredCutoff, horizon: 500)
        let rolling = stride(from: 499, through: revenue.count - 1 - 200, by: 200).compactMap { errors(cutoff: $0, horizon: 200).hre[200] }
        var summary = BacktestSummary(model: .drift, [])
        summary.hre200 = rolling.isEmpty ? nil : rolling.reduce(0, +) / Double(rolling.count)
        let metrics = ForecastMetrics(mape: centred.mape, hre60: centred.hre[60], hre200: centred.hre[200], hre500: centred.hre[500],
                                      mase: nil, coverage: nil, meanWidth: nil, minutesCompared: 500)
        return CaseResult(caseName: benchCase.name, model: "oracle", centred: metrics, rolling: summary, seconds: 0)
    }
}
