/// The parts of a `clickhouse://user:password@host:port/database?timeout=60` URL (ClickHouse's HTTP
/// interface, port 8123 by default); the description leaves the password out.
public struct ClickHouseAddress: Sendable, Equatable, CustomStringConvertible {
    /// User name, or nil for `CLICKHOUSE_USER`, then `default`.
    public var user: String?
    /// Password given in the URL, if any.
    public var password: String?
    /// Host name or address.
    public var host: String
    /// HTTP port; nil for 8123.
    public var port: Int?
    /// Database of unqualified tables; nil for the user's default database.
    public var database: String?
    /// Seconds to wait for the connection (`connect_timeout`, 10 by default).
    public var connectTimeout: Int
    /// Seconds to wait for each part of the answer (`timeout`, 300 by default; 0 waits without limit).
    public var timeout: Int

    /// Options a URL may set.
    static let allowedOptions: Set<String> = ["connect_timeout", "timeout"]

    /// An address from its parts.
    public init(user: String? = nil, password: String? = nil, host: String = "localhost", port: Int? = nil,
                database: String? = nil, connectTimeout: Int = 10, timeout: Int = 300) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// Parses what follows `clickhouse://`, with the URL syntax of `postgres://` addresses.
    init(parsing rest: String) throws(OrderSourceError) {
        let parts = try PostgresAddress(parsing: rest, allowing: Self.allowedOptions)
        guard let host = parts.host else { throw OrderSourceError("no host in clickhouse url") }
        self.init(user: parts.user, password: parts.password, host: host, port: parts.port, database: parts.database)
        if let database, !SQLIdentifier.isPlain(database) {
            throw OrderSourceError("bad database name '\(database)' in clickhouse url (plain identifier expected)")
        }
        for (key, value) in parts.options {
            guard let seconds = Int(value), (0...86_400).contains(seconds), key == "timeout" || seconds > 0 else {
                throw OrderSourceError("bad option '\(key)=\(value)' in clickhouse url (seconds expected)")
            }
            if key == "timeout" { timeout = seconds } else { connectTimeout = seconds }
        }
    }

    /// `clickhouse://user@host:port/database`, without the password.
    public var description: String {
        let userPart = user.map { "\($0)@" } ?? ""
        let portPart = port.map { ":\($0)" } ?? ""
        return "clickhouse://\(userPart)\(host)\(portPart)/\(database ?? "")"
    }
}
