import SaleData

/// A forecast made at a cutoff: cumulative revenue expected for the minutes after it, with a
/// prediction interval, the model's training losses and, when the actuals are known, its accuracy
/// beside the baselines'.
public struct Forecast: Sendable, Equatable {
    /// The method that made `mean`.
    public var model: ForecastModel
    /// 0-based row of the last observed minute.
    public var cutoff: Int
    /// Cumulative revenue (from the series' first minute) at the cutoff, the forecast's anchor.
    public var observedTotal: Double
    /// Expected cumulative revenue for rows `cutoff+1 ... cutoff+horizon`.
    public var mean: Series
    /// Lower end of the prediction interval, cumulative.
    public var lower: Series
    /// Upper end of the prediction interval, cumulative.
    public var upper: Series
    /// Expected revenue per minute for the same minutes (the rate whose running sum is `mean`),
    /// for scenarios that multiply it minute by minute.
    public var rate: Series
    /// Probability the interval is meant to hold (0.8 for 80%).
    public var level: Double
    /// Training and validation loss per epoch (empty for models that are not trained).
    public var loss: LossHistory
    /// The actual cumulative revenue for the forecast minutes that are known (may be shorter than
    /// the horizon, or empty).
    public var actual: Series
    /// Accuracy against `actual`, nil when no actual is known.
    public var metrics: ForecastMetrics?
    /// The baselines' accuracy on the same minutes, in `ForecastModel.baselines` order (a baseline
    /// that cannot run, such as `profile` without an earlier sale, is left out).
    public var baselines: [BaselineResult]

    /// Minutes forecast (rows times the series' step).
    public var horizon: Int { mean.count * mean.step }
    /// Rows forecast (`horizon` on one-minute rows, `horizon / 5` on 5-minute rows).
    public var rows: Int { mean.count }
}

/// Losses of a trained model, epoch by epoch (the paper's Figure 3).
public struct LossHistory: Sendable, Equatable {
    /// Mean training loss of each epoch.
    public var training: [Double] = []
    /// Validation loss after each epoch (empty without validation rows).
    public var validation: [Double] = []
    /// The 1-based epoch whose weights were kept (0 when nothing was trained).
    public var bestEpoch = 0

    /// An empty history, as for a model that is not trained.
    public init(training: [Double] = [], validation: [Double] = [], bestEpoch: Int = 0) {
        self.training = training
        self.validation = validation
        self.bestEpoch = bestEpoch
    }
}

/// A baseline's forecast summarised by its accuracy beside the main model.
public struct BaselineResult: Sendable, Equatable {
    /// Which baseline.
    public var model: ForecastModel
    /// Its expected cumulative revenue for the same minutes.
    public var mean: Series
    /// Its accuracy, nil when no actual is known.
    public var metrics: ForecastMetrics?
}
