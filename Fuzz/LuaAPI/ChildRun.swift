import Foundation

/// How one child process ended.
enum ChildOutcome: Equatable {
    /// It exited with a status (0, or 1 for a script error or its own timeout).
    case exited(Int32, timedOut: Bool)
    /// It died by a signal: a crash. `message` is the runtime's first line about it.
    case crashed(signal: Int32, message: String)
    /// It was still running `grace` seconds after its own timeout and was killed.
    case hung
}

/// Runs Lua programs in `flashcast run --sandbox` children, each in a temporary folder that is
/// its only output folder and is removed afterwards.
struct ChildRunner {
    let flashcast: URL
    /// The child's own `--timeout`, in seconds.
    let timeout: Double
    /// The child's `--memory` cap.
    let memory: String
    /// Seconds after the timeout before the child is killed and reported as hung.
    let grace: Double = 3
    /// Whether the child writes a backtrace when it crashes (slow; only for the final report).
    var backtraces = false

    func run(_ program: LuaProgram) throws -> (outcome: ChildOutcome, errors: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-lua-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try program.source.write(to: folder.appendingPathComponent("case.lua"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = flashcast
        process.arguments = ["run", "--sandbox", "--output", folder.appendingPathComponent("out").path,
                             "--timeout", String(timeout), "--memory", memory, "case.lua"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = backtraces ? "enable=yes,interactive=no,color=no" : "enable=no"
        process.environment = environment
        let errors = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout + grace + (backtraces ? 30 : 0)) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            return (.hung, "")
        }
        let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal || status > 128 {
            let signal = process.terminationReason == .uncaughtSignal ? status : status - 128
            return (.crashed(signal: signal, message: Self.crashMessage(text)), text)
        }
        return (.exited(status, timedOut: text.contains("timeout:")), text)
    }

    /// The runtime's line that says why the process stopped (`Fatal error: ...`).
    static func crashMessage(_ errors: String) -> String {
        let lines = errors.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let markers = ["Fatal error", "runtime failure", "Program crashed"]
        return lines.first { line in markers.contains { line.contains($0) } } ?? ""
    }
}
