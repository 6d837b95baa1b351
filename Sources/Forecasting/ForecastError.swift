/// Why a forecast cannot be made, in words an analyst understands.
public enum ForecastError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The revenue series (or the earlier sale's) has no values.
    case emptySeries(name: String)
    /// A value is NaN or infinite: `name` is the series, `row` 0-based, `label` its minute.
    case notFinite(name: String, row: Int, label: String)
    /// The cutoff is not a row of the series.
    case cutoffOutOfRange(cutoff: Int, count: Int)
    /// The training window does not fit before the cutoff, or is shorter than the model needs.
    case trainingWindowTooShort(needed: Int, got: Int, reason: String)
    /// An option is out of range.
    case invalidOption(name: String, message: String)
    /// The model needs an earlier sale and none was given, or it does not cover what is needed.
    case historyRequired(model: ForecastModel, reason: String)
    /// Training the network failed (for example it diverged).
    case trainingFailed(message: String)
    /// The caller asked the forecast to stop (`CancellationCheck`).
    case cancelled
    /// A group's forecast failed (`GroupForecaster`): its name and why.
    indirect case group(name: String, ForecastError)

    /// The message, lowercase without a trailing period.
    public var description: String {
        switch self {
        case .emptySeries(let name):
            return "the \(name) series is empty"
        case .notFinite(let name, let row, let label):
            return "the \(name) at minute \(label) (row \(row)) is not a finite number"
        case .cutoffOutOfRange(let cutoff, let count):
            return count == 0 ? "cutoff \(cutoff) is outside the series: it is empty"
                : "cutoff \(cutoff) is outside the series (rows 0 to \(count - 1), 0-based)"
        case .trainingWindowTooShort(let needed, let got, let reason):
            return "the training window is too short: \(reason) (needs \(needed) minutes, got \(got))"
        case .invalidOption(let name, let message):
            return "'\(name)' \(message)"
        case .historyRequired(let model, let reason):
            return "model '\(model.rawValue)' needs an earlier sale: \(reason)"
        case .trainingFailed(let message):
            return "training failed: \(message)"
        case .cancelled:
            return "cancelled"
        case .group(let name, let error):
            return "group '\(name)': \(error)"
        }
    }
}
