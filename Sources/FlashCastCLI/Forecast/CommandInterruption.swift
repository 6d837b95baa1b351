#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Cancellation
import Dispatch
import FlashREPL
import SafeOutput
import Synchronization

/// Ctrl-C (or SIGTERM, SIGHUP) during `aggregate`, `forecast`, `backtest` or `whatif`: the computation stops at
/// its next cancellation check, nothing more is written, and the command exits with status
/// 128 + the signal's number (`flashcast: stopped by SIGINT`). If it does not stop within half a
/// second (reading or writing a file), the process ends there.
enum CommandInterruption {
    /// The signal that stopped the command.
    struct Stopped: Error {
        let signal: Int32
    }

    static func run<T>(_ body: () throws -> T) throws -> T {
        let received = Received()
        let signals = TerminationSignals.catching { number in
            guard received.record(number) else { return }
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(500)) {
                StandardError.write("flashcast: \(Stop.message(signal: number))\n")
                OutputFile.removeAllTemporaries()
                _exit(128 + number)
            }
        }
        defer { signals.cancel() }
        let result = Result { try CancellationCheck.observing({ received.signal != nil }) { try body() } }
        if let signal = received.signal { throw Stopped(signal: signal) }
        return try result.get()
    }

    /// Runs `body` as ``run(_:)`` does; when a signal stops it, prints `flashcast: stopped by SIGINT`
    /// and exits with status 128 + the signal's number.
    static func exitingOnStop<T>(_ body: () throws -> T) throws -> T {
        do {
            return try run(body)
        } catch let stopped as Stopped {
            StandardError.write("flashcast: \(Stop.message(signal: stopped.signal))\n")
            throw ExitCode(128 + stopped.signal)
        }
    }

    /// The first signal received, if any.
    private final class Received: Sendable {
        private let first = Mutex<Int32?>(nil)

        var signal: Int32? { first.withLock { $0 } }

        /// Records `number`; false if a signal came before.
        func record(_ number: Int32) -> Bool {
            first.withLock { first in
                guard first == nil else { return false }
                first = number
                return true
            }
        }
    }
}
