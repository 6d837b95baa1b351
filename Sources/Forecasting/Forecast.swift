import NumberText
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
    /// Expected revenue per row (per minute on one-minute rows) for the same rows (the rate whose
    /// running sum is `mean`), for scenarios that multiply it row by row.
    public var rate: Series
    /// Probability the interval is meant to hold (0.8 for 80%).
    public var level: Double
    /// The band at every level asked, narrowest (lowest level) first; they nest: a wider level's
    /// band contains a narrower one's at every minute. One of them is `lower`/`upper` at `level`.
    public var bands: [ForecastBand]
    /// The bands at the same levels calibrated on the sale with its one-off bursts taken out, for
    /// a what-if scenario that states its campaigns (`bands` keep room for one nobody announced);
    /// empty unless `ForecastOptions.burstFreeBands` asked for them.
    public var burstFreeBands: [ForecastBand] = []
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

    /// The band at `level`, if it was asked for.
    public func band(_ level: Double) -> ForecastBand? {
        bands.first { abs($0.level - level) < 1e-9 }
    }
}

/// A prediction interval at one level: cumulative bounds for the forecast's minutes.
public struct ForecastBand: Sendable, Equatable {
    /// Probability the band is meant to hold (0.95 for 95%).
    public var level: Double
    /// Lower bound, cumulative.
    public var lower: Series
    /// Upper bound, cumulative.
    public var upper: Series

    /// A band from its bounds.
    public init(level: Double, lower: Series, upper: Series) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }

    /// `95` for 0.95, `97.5` for 0.975: the suffix of CSV columns and metric keys.
    public var percentText: String { Self.percentText(level) }

    /// `95` for 0.95, `97.5` for 0.975.
    public static func percentText(_ level: Double) -> String {
        NumberFormat.trimmed(level * 100, decimals: 1)
    }
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
