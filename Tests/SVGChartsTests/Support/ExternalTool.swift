import Foundation

/// Command-line tools the rendering tests use, found on PATH.
enum ExternalTool {
    /// The full path of `name`, if it is installed.
    static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Whether xmllint and rsvg-convert are both available.
    static let renderingToolsInstalled = path("xmllint") != nil && path("rsvg-convert") != nil

    /// Runs `name` with `arguments`; returns the exit status and standard error.
    static func run(_ name: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path(name) ?? name)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
