import Dispatch
import FlashLua
import FlashREPL
import Foundation
import LuaBridge

/// One run of a script with its limits, and what came of it.
struct ScriptJob {
    let script: String
    let arguments: [String]
    let memoryLimit: Int?
    let timeout: Double?
    let sandbox: (output: String, inputs: [String])?
    let logTimestamps: Bool

    /// Runs the script to the end, a failure or a limit, and reports the outcome (never throws).
    func run() -> ScriptOutcome {
        let log = Log(timestamps: logTimestamps)
        let started = Date()
        if logTimestamps { log.write("running \(script)") }
        var outcome = ScriptOutcome(script: script, started: started)
        do {
            let state = try FlashLua.makeState(memoryLimit: memoryLimit)
            state.installExit()
            if let sandbox {
                let policy = try FileAccessPolicy(outputFolder: sandbox.output, readable: sandbox.inputs)
                try state.applySandbox(policy)
            }
            Script.setArguments(state, script: script, arguments: arguments)
            let timer = startTimer(state)
            defer { timer?.cancel() }
            if let code = try execute(state) { outcome.exitCode = code }
            outcome.memoryPeak = state.memoryPeak
        } catch let error as LuaScriptError {
            outcome.fail(describe(error), code: 1, kind: kind(of: error))
        } catch {
            outcome.fail(String(describing: error), code: 1, kind: "error")
        }
        outcome.finish()
        if let message = outcome.error { log.write(message) }
        if logTimestamps { log.write("finished in \(outcome.secondsText) s with exit status \(outcome.exitCode)") }
        return outcome
    }

    /// Runs the script; returns the code it passed to `os.exit`, if it did.
    private func execute(_ state: LuaState) throws -> Int32? {
        do {
            try state.loadFile(script)
            let call = LuaCall(state.pointer)
            for argument in arguments { call.push(argument) }
            try state.call(arguments: Int32(arguments.count))
            return nil
        } catch {
            if let code = state.requestedExitCode { return code }
            if timedOut(error) || error.kind == .memory { throw LuaScriptError(kind: error.kind, message: error.message) }
            throw error
        }
    }

    private func startTimer(_ state: LuaState) -> DispatchWorkItem? {
        guard let timeout else { return nil }
        let handle = state.interruptHandle
        let message = Self.timeoutMessage(timeout)
        let item = DispatchWorkItem { handle.interrupt(message: message, persistent: true) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: item)
        return item
    }

    static func timeoutMessage(_ seconds: Double) -> String {
        "timeout: the script ran longer than \(ScriptOutcome.format(seconds)) s"
    }

    private func timedOut(_ error: LuaScriptError) -> Bool {
        timeout.map { error.message.hasSuffix(Self.timeoutMessage($0)) } ?? false
    }

    private func kind(of error: LuaScriptError) -> String {
        if error.kind == .memory { return "memory" }
        return timedOut(error) ? "timeout" : "error"
    }

    private func describe(_ error: LuaScriptError) -> String {
        if error.kind == .memory, let memoryLimit {
            let detail = error.message == "not enough memory" ? "" : " (\(error.message))"
            return "flashcast: \(script): memory limit of \(memoryLimit / 1_048_576) MiB exceeded\(detail)"
        }
        if timedOut(error) { return "flashcast: \(error.message)" }
        return "flashcast: " + error.description
    }
}
