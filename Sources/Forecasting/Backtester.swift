import Cancellation
import SaleData

/// The rolling evaluation of the paper's experiment 2: train on `train` minutes, forecast the next
/// `horizon` minutes, move on by `step` minutes, over the whole sale.
public enum Backtester {
    /// Forecasts from cutoffs `train-1, train-1+step, ...` (rows, with `train`, `horizon` and `step`
    /// in minutes and whole numbers of rows) while the whole horizon is known, with the options'
    /// model (their `cutoff`, `train` and `horizon` are replaced). The pieces are forecast on
    /// `workers` threads (every core when nil, `ParallelJobs`, whose workers hear a stop inside the
    /// paper network's training too); the result is the same whatever their number.
    public static func backtest(revenue: Series, train: Int = 500, horizon: Int = 200, step: Int = 200,
                                options: ForecastOptions = ForecastOptions(), workers: Int? = nil) throws(ForecastError) -> Backtest {
        let (cutoffs, pieceOptions) = try plan(revenue: revenue, train: train, horizon: horizon, step: step, options: options)
        guard !CancellationCheck.isRequested else { throw .cancelled }
        let pieces: [Forecast]
        do {
            pieces = try ParallelJobs.map(cutoffs.count, threads: workers ?? ParallelJobs.cores) { [pieceOptions] index in
                var options = pieceOptions
                options.cutoff = cutoffs[index]
                return try Forecaster.forecast(revenue: revenue, options: options)
            }
        } catch let error as ForecastError {
            throw error
        } catch {
            throw .cancelled  // ParallelJobs stopped between pieces when asked
        }
        return Backtest(pieces: pieces, model: options.model)
    }

    /// The cutoffs of the pieces (0-based rows) and the options each piece starts from; an error when
    /// a length is not positive, not whole rows, or no piece fits.
    static func plan(revenue: Series, train: Int, horizon: Int, step: Int, options: ForecastOptions)
        throws(ForecastError) -> (cutoffs: [Int], options: ForecastOptions) {
        guard step > 0 else { throw .invalidOption(name: "step", message: "must be positive, got \(step)") }
        guard train > 0 else { throw .invalidOption(name: "train", message: "must be positive, got \(train)") }
        guard horizon > 0 else { throw .invalidOption(name: "horizon", message: "must be positive, got \(horizon)") }
        var pieceOptions = options
        pieceOptions.train = train
        pieceOptions.horizon = horizon
        try pieceOptions.validate()
        let rowStep = max(revenue.step, 1)
        let trainRows = try ForecastOptions.rows("train", train, step: rowStep)
        let horizonRows = try ForecastOptions.rows("horizon", horizon, step: rowStep)
        let stepRows = try ForecastOptions.rows("step", step, step: rowStep)
        let cutoffs = Array(stride(from: trainRows - 1, through: revenue.count - 1 - horizonRows, by: stepRows))
        guard !cutoffs.isEmpty else {
            let (needed, overflow) = train.addingReportingOverflow(horizon)
            throw .trainingWindowTooShort(
                needed: overflow ? .max : needed, got: revenue.count * rowStep,
                reason: "the series has no room for one piece of \(train) minutes of training and \(horizon) to forecast")
        }
        return (cutoffs, pieceOptions)
    }
}

/// Every piece of a rolling evaluation and its summary.
public struct Backtest: Sendable, Equatable {
    /// One forecast per cutoff, in time order.
    public var pieces: [Forecast]
    /// The model's metrics averaged over the pieces.
    public var summary: BacktestSummary
    /// The baselines' metrics averaged over the same pieces.
    public var baselines: [BacktestSummary]

    /// The pieces of `model` with their summary and the baselines' (those that ran on every piece).
    public init(pieces: [Forecast], model: ForecastModel) {
        self.pieces = pieces
        summary = BacktestSummary(model: model, pieces.compactMap(\.metrics))
        baselines = ForecastModel.baselines.compactMap { baseline -> BacktestSummary? in
            let metrics = pieces.compactMap { $0.baselines.first { $0.model == baseline }?.metrics }
            return metrics.count == pieces.count ? BacktestSummary(model: baseline, metrics) : nil
        }
    }
}

/// Metrics averaged over a back-test's pieces, read as `summary[.hre200]`; each mean skips the
/// pieces where the metric is undefined and is nil when it is undefined everywhere.
public struct BacktestSummary: Sendable, Equatable, MetricValues {
    /// The method summarised.
    public var model: ForecastModel
    /// Pieces averaged.
    public var pieces: Int
    /// The mean of every metric defined on some piece (no coverage or width for baselines, which
    /// have no interval).
    public var values: [Metric: Double]
    /// Every band's mean coverage and width, in the pieces' band order (empty for baselines).
    public var bands: [BandMetrics]

    /// The means of `metrics`.
    public init(model: ForecastModel, _ metrics: [ForecastMetrics]) {
        func mean(_ values: [Double?]) -> Double? {
            let known = values.compactMap { $0 }
            return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
        }
        self.model = model
        pieces = metrics.count
        values = Dictionary(uniqueKeysWithValues: Metric.allCases.compactMap { metric in
            mean(metrics.map { $0[metric] }).map { (metric, $0) }
        })
        bands = (metrics.first?.bands ?? []).enumerated().map { index, band in
            let each = metrics.map { $0.bands.indices.contains(index) ? $0.bands[index] : nil }
            return BandMetrics(level: band.level, coverage: mean(each.map { $0?.coverage }), meanWidth: mean(each.map { $0?.meanWidth }))
        }
    }
}
