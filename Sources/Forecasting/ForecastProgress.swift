/// Hears how far a model's training has got, for progress bars. Set it around a forecast:
/// `ForecastProgress.$report.withValue({ print($0) }) { try Forecaster.forecast(...) }`.
public enum ForecastProgress {
    /// Called with the share of training done (0...1) after each epoch of a trained model; nil
    /// when nobody listens. Models that are not trained never call it.
    @TaskLocal public static var report: (@Sendable (Double) -> Void)?
}
