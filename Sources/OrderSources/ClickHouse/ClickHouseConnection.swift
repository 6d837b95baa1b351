#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Statements sent to ClickHouse's HTTP interface, one connection each; errors carry the server's
/// own words, never the password.
struct ClickHouseConnection {
    /// Where statements go, without the password.
    let address: ClickHouseAddress
    private let password: String?
    private let headers: [(String, String)]
    private let client: HTTPClient

    /// Most bytes of an error answer kept.
    private static let maxErrorBytes = 65_536
    /// Server error codes that mean the user or password was refused (18.16's and later ones).
    private static let refusals: Set<String> = ["192", "193", "194", "195", "516"]

    /// The connection's settings: user and password from the URL or `credentials` (sent as HTTP basic
    /// authentication); nothing is sent before the first statement.
    init(address: ClickHouseAddress, credentials: PostgresCredentials) {
        self.address = address
        password = credentials.password(for: address)
        let secret = Data((credentials.user(for: address) + ":" + (password ?? "")).utf8).base64EncodedString()
        headers = [("Authorization", "Basic " + secret), ("User-Agent", "flashcast")]
        client = HTTPClient(host: address.host, port: address.port ?? 8123, connectTimeout: address.connectTimeout,
                            readTimeout: address.timeout)
    }

    /// Runs a statement whose answer is `TabSeparated` rows, handing them on as they arrive.
    func query(_ sql: String, rows receive: ([[String?]]) throws(OrderSourceError) -> Void) throws(OrderSourceError) {
        var lines = TabSeparatedLines()
        var errorText: [UInt8] = []
        var answered = 0
        do {
            answered = try client.post(address.database.map { "/?database=\($0)" } ?? "/", headers: headers,
                                       body: Array(sql.utf8)) { status, bytes throws(OrderSourceError) in
                guard status == 200 else {
                    errorText += bytes.prefix(max(0, Self.maxErrorBytes - errorText.count))
                    return
                }
                let rows = lines.rows(in: bytes)
                if let last = rows.last, last.count == 1, let text = last[0], let message = Self.serverMessage(text) {
                    throw failure(message)
                }
                try receive(rows)
            }
        } catch {
            switch error {
            case .connect(let reason):
                throw OrderSourceError("cannot connect to '\(address)': \(reason)", connectionLost: true)
            case .lost(let reason):
                throw OrderSourceError("query on '\(address)' failed: \(reason)", connectionLost: true)
            case .timedOut(let seconds):
                throw OrderSourceError("query on '\(address)' failed: no answer within \(seconds) s"
                    + " (the url's ?timeout= sets the limit)")
            case .stopped:
                throw OrderSourceError("query on '\(address)' stopped")
            case .consumer(let error):
                throw error
            }
        }
        let leftOver = lines.rest
        if answered != 200 || !leftOver.isEmpty {
            let text = answered == 200 ? leftOver : String(decoding: errorText, as: UTF8.self)
            let message = Self.serverMessage(text) ?? "HTTP status \(answered): " + String(text.prefix(200))
            if answered == 401 || answered == 403 || Self.refusals.contains(Self.code(text) ?? "") {
                throw OrderSourceError("cannot connect to '\(address)': \(redact(message))")
            }
            throw failure(message)
        }
    }

    /// Runs a statement with a small answer and returns its rows.
    func rows(_ sql: String) throws(OrderSourceError) -> [[String?]] {
        var all: [[String?]] = []
        try query(sql) { rows throws(OrderSourceError) in all += rows }
        return all
    }

    private func failure(_ message: String) -> OrderSourceError {
        OrderSourceError("query on '\(address)' failed: \(redact(message))")
    }

    /// The error code of a server message (`Code: 60, ...`).
    private static func code(_ text: String) -> String? {
        guard let start = text.firstRange(of: "Code: ") else { return nil }
        let digits = text[start.upperBound...].prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    /// The server's message in an error answer (`Code: 60, e.displayText() = DB::Exception: Table
    /// x doesn't exist, e.what() = ...` on 18.16; `Code: 60. DB::Exception: ... (version ...)` later),
    /// first letter lowercase, with its code; nil when the text is no such message.
    static func serverMessage(_ text: String) -> String? {
        guard let start = text.firstRange(of: "Code: "), let code = code(text) else { return nil }
        var message = String(text[start.lowerBound...].prefix { $0 != "\n" })
        if let exception = message.firstRange(of: "DB::Exception: ") { message = String(message[exception.upperBound...]) }
        for ending in [", e.what() = ", " (version "] {
            if let range = message.firstRange(of: ending) { message = String(message[..<range.lowerBound]) }
        }
        message = String(message.trimmingSpaces())
        if message.hasSuffix(".") { message.removeLast() }
        if let first = message.first, message.dropFirst().first?.isLowercase ?? true {
            message = first.lowercased() + message.dropFirst()
        }
        return "\(message) (ClickHouse code \(code))"
    }

    /// The text with any occurrence of the password replaced.
    private func redact(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacing(password, with: "<hidden>")
    }
}
