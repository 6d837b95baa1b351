import Foundation
import OrderSources

/// Sends statements to ClickHouse's HTTP interface with Debian's `curl` (the peer's tool for exports);
/// the credentials go in a `--config` file read from standard input, never on the command line.
struct Curl {
    let address: ClickHouseAddress
    private let credentials: String

    init(url: String) throws {
        guard case .clickhouse(let address) = try DatabaseURL(url) else { throw OrderSourceError("clickhouse url expected") }
        self.address = address
        let secrets = PostgresCredentials()
        credentials = "user = \"\(secrets.user(for: address)):\(secrets.password(for: address) ?? "")\"\n"
    }

    /// Posts `statement` (or, with `upload`, the file's bytes for the statement given in the URL) and
    /// writes the answer to `output` (or returns it).
    @discardableResult
    func run(_ statement: String, upload: String? = nil, output: String? = nil) throws -> String {
        var query = "database=\(address.database ?? "default")"
        if upload != nil {
            query += "&query=" + (statement.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "--fail-with-body", "--config", "-", "--data-binary", upload.map { "@" + $0 } ?? statement]
            + (output.map { ["-o", $0] } ?? [])
            + ["http://\(address.host):\(address.port ?? 8123)/?\(query)"]
        let input = Pipe(), answer = Pipe()
        process.standardInput = input
        process.standardOutput = answer
        try process.run()
        input.fileHandleForWriting.write(Data(credentials.utf8))
        try input.fileHandleForWriting.close()
        let data = answer.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else { throw OrderSourceError("curl failed: \(statement.prefix(80)): \(text)") }
        return text
    }
}
