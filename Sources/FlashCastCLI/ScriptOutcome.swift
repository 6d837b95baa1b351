#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FlashREPL
import NumberText
import SafeOutput

/// What came of a script run: the exit status, the error if any, and timings, as the JSON summary.
struct ScriptOutcome: Encodable {
    let script: String
    let started: Date
    var finished: Date?
    var exitCode: Int32 = 0
    /// "ok", "error", "timeout", "memory" or "exit" (the script called os.exit with a non-zero code).
    var status = "ok"
    var error: String?
    var memoryPeak: Int?

    init(script: String, started: Date) {
        self.script = script
        self.started = started
    }

    mutating func fail(_ message: String, code: Int32, kind: String) {
        error = message
        exitCode = code
        status = kind
    }

    mutating func finish() {
        finished = Date()
        if status == "ok", exitCode != 0 { status = "exit" }
    }

    var seconds: Double { (finished ?? Date()).timeIntervalSince(started) }
    var secondsText: String { Self.format(seconds) }

    static func format(_ seconds: Double) -> String {
        NumberFormat.fixed(seconds, decimals: seconds < 10 ? 2 : 1)
    }

    enum CodingKeys: String, CodingKey {
        case script, started, finished, exitCode = "exit_code", status, error, seconds
        case memoryPeak = "lua_memory_peak_bytes"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(script, forKey: .script)
        try container.encode(Log.timestamp(started), forKey: .started)
        try container.encode(Log.timestamp(finished ?? started), forKey: .finished)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        try container.encodeIfPresent(memoryPeak, forKey: .memoryPeak)
    }

    /// Writes the summary as JSON, atomically, or to standard output for "-".
    func writeSummary(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try OutputFile.write(try encoder.encode(self) + [0x0A], to: path)
    }
}

/// Messages from the host to standard error, with UTC timestamps for scheduled runs.
struct Log {
    let timestamps: Bool

    func write(_ message: String) {
        let prefix = timestamps ? Self.timestamp(Date()) + " " : ""
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        StandardError.write(lines.map { prefix + $0 }.joined(separator: "\n") + "\n")
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
