import Foundation
import OrderSources

/// Runs SQL and `\copy` through Debian's `psql`, the password passed in `PGPASSWORD`, never on the command line.
struct Psql {
    let arguments: [String]
    let environment: [String: String]

    init(url: String) throws {
        guard case .postgres(let address) = try DatabaseURL(url) else { throw OrderSourceError("postgres url expected") }
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = PostgresCredentials().password(for: address)
        environment["PGHOST"] = address.host
        environment["PGPORT"] = address.port.map(String.init)
        environment["PGUSER"] = address.user
        environment["PGDATABASE"] = address.database
        self.environment = environment
        arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"]
    }

    /// Runs commands (SQL or psql meta-commands) and returns what psql printed.
    @discardableResult
    func run(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = arguments + ["-c", command]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OrderSourceError("psql failed: \(command.prefix(80))") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
