import Synchronization

/// Hears how far a model's training has got, for progress bars:
/// `try ForecastProgress.listening({ print($0) }) { try Forecaster.forecast(...) }`.
public enum ForecastProgress {
    /// The listener of the forecasts being made, if any (one for the whole process: forecasts made at
    /// the same time on other threads are heard too).
    private static let listener = Mutex<(@Sendable (Double) -> Void)?>(nil)

    /// Runs `body` while `report` hears the share of training done (0...1) after each epoch of the
    /// trained models it forecasts with; models that are not trained never call it.
    public static func listening<Result, Failure: Error>(
        _ report: @escaping @Sendable (Double) -> Void, during body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let previous = listener.withLock { current in
            defer { current = report }
            return current
        }
        defer { listener.withLock { $0 = previous } }
        return try body()
    }

    /// Tells the listener, if any, that `share` of the training is done.
    static func report(_ share: Double) {
        listener.withLock { $0 }?(share)
    }
}
