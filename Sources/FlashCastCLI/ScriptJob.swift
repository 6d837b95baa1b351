#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FlashLua
import FlashREPL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LuaBridge
import OrderSources
import SafeOutput

/// One run of a script with its limits, and what came of it.
struct ScriptJob {
    let script: String
    let arguments: [String]
    let memoryLimit: Int?
    let timeout: Double?
    let sandbox: (output: String, inputs: [String], databases: DatabaseAllowList)?
    let logTimestamps: Bool
    /// Where the JSON summary goes ("-": standard output), if anywhere.
    let summary: String?

    /// Runs the script to the end, a failure, a limit or a termination signal, writes the summary
    /// and returns the exit status. A script that does not stop when asked (a finalizer that loops,
    /// a long C call) is ended by the watchdog, which writes the summary and exits the process.
    func run() throws -> Int32 {
        let log = Log(timestamps: logTimestamps)
        let started = Date()
        if logTimestamps { log.write("running \(script)") }
        var outcome = ScriptOutcome(script: script, started: started)
        let ending = RunEnding()
        do {
            let state = try FlashLua.makeState(memoryLimit: memoryLimit)
            state.installExit()
            if let sandbox {
                let policy = try FileAccessPolicy(outputFolder: sandbox.output, readable: sandbox.inputs)
                try state.applySandbox(policy)
                FlashLua.confineDatabases(state, to: sandbox.databases)
            }
            Script.setArguments(state, script: script, arguments: arguments)
            let watchdog = LuaWatchdog(state.interruptHandle, grace: Self.grace) { stall in
                ending.endStuck(stall, job: self, started: started, log: log)
            }
            if let timeout { watchdog.interrupt(after: .seconds(timeout), message: Self.timeoutMessage(timeout)) }
            let signals = TerminationSignals.catching { watchdog.interrupt(after: .zero, message: Stop.message(signal: $0)) }
            defer { signals.cancel() }
            let result = Result { () throws(LuaScriptError) in try execute(state) }
            outcome.memoryPeak = state.memoryPeak
            watchdog.close(state)
            ending.endNormally()
            if let code = try result.get() { outcome.exitCode = code }
        } catch let error as LuaScriptError {
            let stop = Stop(error, timeout: timeout)
            outcome.fail(describe(error, stop: stop), code: stop?.exitCode ?? 1, kind: stop?.status ?? kind(of: error))
        } catch {
            outcome.fail(String(describing: error), code: 1, kind: "error")
        }
        outcome.finish()
        if let message = outcome.error { log.write(message) }
        if logTimestamps { log.write("finished in \(outcome.secondsText) s with exit status \(outcome.exitCode)") }
        if let summary {
            do { try outcome.writeSummary(to: summary) } catch {
                log.write("flashcast: \(error)")  // the script's own failure, if any, keeps its exit status
                return outcome.exitCode == 0 ? 1 : outcome.exitCode
            }
        }
        return outcome.exitCode
    }

    /// How long a script may take to stop once interrupted before the watchdog ends the process.
    static let grace = Duration.milliseconds(500)

    /// Runs the script; returns the code it passed to `os.exit`, if it did.
    private func execute(_ state: LuaState) throws(LuaScriptError) -> Int32? {
        do {
            try state.loadFile(script)
            let call = LuaCall(state.pointer)
            for argument in arguments { call.push(argument) }
            try state.call(arguments: Int32(arguments.count))
            return nil
        } catch {
            if let code = state.requestedExitCode { return code }
            OutputFile.removeAllTemporaries()  // files the failed script left open are not written
            if Stop(error, timeout: timeout) != nil || error.kind == .memory {
                throw LuaScriptError(kind: error.kind, message: error.message)  // no traceback
            }
            throw error
        }
    }

    static func timeoutMessage(_ seconds: Double) -> String {
        "timeout: the script ran longer than \(ScriptOutcome.format(seconds)) s"
    }

    private func kind(of error: LuaScriptError) -> String {
        error.kind == .memory ? "memory" : "error"
    }

    private func describe(_ error: LuaScriptError, stop: Stop?) -> String {
        if error.kind == .memory, let memoryLimit {
            let detail = error.message == "not enough memory" ? "" : " (\(error.message))"
            let limit = memoryLimit % 1_048_576 == 0 ? "\(memoryLimit / 1_048_576) MiB" : LuaCall.describeBytes(Double(memoryLimit))
            return "flashcast: \(script): memory limit of \(limit) exceeded\(detail)"
        }
        if let stop { return "flashcast: \(stop.message)" }
        return "flashcast: " + error.description
    }
}
