/// Whether the computation running on this thread has been asked to stop (a Ctrl-C, a timeout).
///
/// The domain modules' long loops (training, back-tests, learning) ask ``isRequested`` every few
/// milliseconds and stop with their own `cancelled` error; their caller says what being asked means
/// with ``observing(_:during:)``: in Lua, the state's interrupt; on the command line, a Ctrl-C.
public enum CancellationCheck {
    @TaskLocal private static var question: (@Sendable () -> Bool)?

    /// Runs `body`, in which ``isRequested`` answers `isRequested()` (nested calls: the innermost).
    public static func observing<Result, Failure: Error>(
        _ isRequested: @escaping @Sendable () -> Bool, during body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let outcome = $question.withValue(isRequested) { () -> Swift.Result<Result, Failure> in
            do throws(Failure) { return .success(try body()) } catch { return .failure(error) }
        }
        return try outcome.get()
    }

    /// True when the caller has asked the computation on this thread to stop; false outside
    /// ``observing(_:during:)``.
    public static var isRequested: Bool { question?() ?? false }

    /// The question ``isRequested`` asks on this thread, for work handed to other threads to ask
    /// it there (`observing(CancellationCheck.current) { ... }`): a task-local does not follow them.
    public static var current: @Sendable () -> Bool { question ?? { false } }
}
