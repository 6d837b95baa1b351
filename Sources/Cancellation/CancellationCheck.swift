#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the computation running on this thread has been asked to stop (a Ctrl-C, a timeout).
///
/// The domain modules' long loops (training, back-tests, learning) ask ``isRequested`` every few
/// milliseconds and stop with their own `cancelled` error; their caller says what being asked means
/// with ``observing(_:during:)``: in Lua, the state's interrupt; on the command line, a Ctrl-C.
///
/// The question is the thread's own (a POSIX thread-specific value, not a task-local: pushing a
/// task-local on Dispatch's worker threads crashed in `swift_task_localValuePush`), so work handed
/// to other threads asks it there with `observing(CancellationCheck.current) { ... }`, as
/// `ParallelJobs` does for each job.
public enum CancellationCheck {
    /// The innermost question of a thread, kept alive while its `observing` runs.
    private final class Question: Sendable {
        let ask: @Sendable () -> Bool
        init(_ ask: @escaping @Sendable () -> Bool) { self.ask = ask }
    }

    /// The key of each thread's innermost `Question` (nil outside `observing`).
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Runs `body`, in which ``isRequested`` answers `isRequested()` on this thread (nested calls:
    /// the innermost); the question in force before is back when it returns or throws.
    public static func observing<Result, Failure: Error>(
        _ isRequested: @escaping @Sendable () -> Bool, during body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let outer = pthread_getspecific(key)
        let question = Unmanaged.passRetained(Question(isRequested))
        pthread_setspecific(key, question.toOpaque())
        defer {
            pthread_setspecific(key, outer)
            question.release()
        }
        return try body()
    }

    /// True when the caller has asked the computation on this thread to stop; false outside
    /// ``observing(_:during:)``.
    public static var isRequested: Bool { question?.ask() ?? false }

    /// The question ``isRequested`` asks on this thread, for work handed to other threads to ask
    /// it there (`observing(CancellationCheck.current) { ... }`).
    public static var current: @Sendable () -> Bool {
        guard let question else { return { false } }
        return question.ask
    }

    /// This thread's innermost question.
    private static var question: Question? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<Question>.fromOpaque(raw).takeUnretainedValue()
    }
}
