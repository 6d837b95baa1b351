#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import FlashREPL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LuaBridge
import SafeOutput
import Synchronization

/// Why a script was stopped from outside: its timeout or a termination signal.
struct Stop: Equatable {
    /// What the interrupt raised and the log shows.
    let message: String
    let exitCode: Int32
    /// The summary's status: "timeout" or "signal".
    let status: String

    /// The stop whose message ends `error` (Lua prefixes the position), if it was one.
    init?(_ error: LuaScriptError, timeout: Double?) {
        self.init(message: error.message, timeout: timeout)
    }

    init?(message: String, timeout: Double?) {
        if let timeout, message.hasSuffix(ScriptJob.timeoutMessage(timeout)) {
            self.message = ScriptJob.timeoutMessage(timeout)
            exitCode = 1
            status = "timeout"
            return
        }
        guard let number = TerminationSignals.names.first(where: { message.hasSuffix(Self.message(signal: $0.key)) })?.key
        else { return nil }
        self.message = Self.message(signal: number)
        exitCode = 128 + number
        status = "signal"
    }

    static func message(signal: Int32) -> String {
        "stopped by \(TerminationSignals.names[signal] ?? "signal \(signal)")"
    }
}

/// SIGINT, SIGTERM and SIGHUP stop a script as its timeout does, so the run ends cleanly: the
/// summary written, no partial output left, exit status 128 + the signal's number.
struct TerminationSignals {
    static let names: [Int32: String] = [SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP"]

    private let sources: [any DispatchSourceSignal]

    /// Calls `received` with the number of each of these signals, on another thread, instead of
    /// ending the process.
    static func catching(_ received: @escaping @Sendable (Int32) -> Void) -> TerminationSignals {
        TerminationSignals(sources: names.keys.sorted().map { number in
            signal(number, SIG_IGN)  // delivered to the dispatch source instead
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { received(number) }
            source.resume()
            return source
        })
    }

    /// Restores the default handling.
    func cancel() {
        for source in sources {
            source.cancel()
            signal(Int32(source.handle), SIG_DFL)
        }
    }
}

/// Who ends a run: the script coming back, or the watchdog when it does not; whichever is first.
final class RunEnding: Sendable {
    private let ended = Mutex(false)

    private func claim() -> Bool {
        ended.withLock { ended in
            defer { ended = true }
            return !ended
        }
    }

    /// The script came back and its state is closed. If the watchdog is already ending the process,
    /// this waits for it.
    func endNormally() {
        guard claim() else {
            while true { pause() }
        }
    }

    /// The script did not stop when interrupted: writes the log and the summary, removes partial
    /// outputs and exits, with no wait for the thread still running Lua.
    func endStuck(_ stall: LuaWatchdog.Stall, job: ScriptJob, started: Date, log: Log) {
        guard case .interrupt(let interruption) = stall, claim() else { return }
        OutputFile.removeAllTemporaries()
        var outcome = ScriptOutcome(script: job.script, started: started)
        let stop = Stop(message: interruption, timeout: job.timeout)
        let seconds = ScriptOutcome.format(ScriptJob.grace / .seconds(1))
        let message = "flashcast: \(stop?.message ?? interruption) (the script did not stop within \(seconds) s: ended)"
        outcome.fail(message, code: stop?.exitCode ?? 1, kind: stop?.status ?? "error")
        outcome.finish()
        log.write(message)
        if job.logTimestamps { log.write("finished in \(outcome.secondsText) s with exit status \(outcome.exitCode)") }
        if let summary = job.summary {
            do { try outcome.writeSummary(to: summary) } catch { log.write("flashcast: \(error)") }
        }
        ExitFlush.flushStreams()
        _exit(outcome.exitCode)
    }
}
