#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Synchronization

/// Hears how far a model's training has got, for progress bars:
/// `try ForecastProgress.listening({ print($0) }) { try Forecaster.forecast(...) }`.
public enum ForecastProgress {
    /// Listeners by the thread whose forecasts they hear (forecasts made at the same time on other
    /// threads are not heard).
    private static let listeners = Mutex<[UInt: @Sendable (Double) -> Void]>([:])

    /// Runs `body` while `report` hears the share of training done (0...1) after each epoch of the
    /// trained models it forecasts with on this thread; models that are not trained never call it.
    public static func listening<Result, Failure: Error>(
        _ report: @escaping @Sendable (Double) -> Void, during body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let thread = currentThread
        let previous = listeners.withLock { $0.updateValue(report, forKey: thread) }
        defer { listeners.withLock { $0[thread] = previous } }
        return try body()
    }

    /// Tells this thread's listener, if any, that `share` of the training is done.
    static func report(_ share: Double) {
        let thread = currentThread
        listeners.withLock { $0[thread] }?(share)
    }

    #if canImport(Glibc)
    private static var currentThread: UInt { UInt(pthread_self()) }
    #else
    private static var currentThread: UInt { UInt(bitPattern: pthread_self()) }
    #endif
}
