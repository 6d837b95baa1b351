import Foundation

/// The result of running a command: its exit status and what it printed.
public struct CommandResult: Sendable {
    /// The exit status.
    public let status: Int32
    /// Standard output.
    public let output: String
    /// Standard error.
    public let error: String
}

/// The built `flashcast` executable, next to the test bundle in the build folder.
public func flashcastExecutable() -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("flashcast").path),
        folder.path != "/"
    {
        folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("flashcast")
}

/// Runs `flashcast` with `arguments` (and `input` on standard input) and waits for it.
/// - Parameter environment: variables set or replaced in the test's environment.
public func runFlashcast(_ arguments: [String], input: String? = nil, in directory: URL? = nil,
                         environment: [String: String] = [:]) throws -> CommandResult {
    try runCommand(flashcastExecutable(), arguments, input: input, in: directory, environment: environment)
}

/// Runs an executable and collects its exit status and output.
/// - Parameter environment: variables set or replaced in the test's environment.
public func runCommand(_ executable: URL, _ arguments: [String], input: String? = nil, in directory: URL? = nil,
                       environment: [String: String] = [:]) throws -> CommandResult
{
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let output = Pipe()
    let error = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = standardInput
    try process.run()
    if let input { standardInput.fileHandleForWriting.write(Data(input.utf8)) }
    try standardInput.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
        error: String(decoding: errorData, as: UTF8.self))
}
