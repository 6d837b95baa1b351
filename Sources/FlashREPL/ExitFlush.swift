import Dispatch
import Glibc

/// Flushing stdio's buffers before `_exit` when a script may be stuck in a C call.
public enum ExitFlush {
    /// Flushes every stdio stream, waiting for it at most `limit`: a script stuck reading or writing a
    /// stream (`io.read`, `io.popen(...):read`, a full pipe) holds that stream's lock, on which a plain
    /// `fflush(nil)` would wait for ever.
    public static func flushStreams(waitingAtMost limit: Duration = .milliseconds(200)) {
        let flushed = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            fflush(nil)
            flushed.signal()
        }
        let nanoseconds = limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000
        _ = flushed.wait(timeout: .now() + .nanoseconds(Int(nanoseconds)))
    }
}
