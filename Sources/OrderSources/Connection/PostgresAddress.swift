/// The parts of a `postgres://` URL; the description leaves the password out.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// User name, or nil for libpq's default (`PGUSER`, then the login name).
    public var user: String?
    /// Password given in the URL, if any.
    public var password: String?
    /// Host name or address; nil for the local socket.
    public var host: String?
    /// Port; nil for 5432.
    public var port: Int?
    /// Database name; nil for the user's name.
    public var database: String?
    /// Connection options from the query string (`sslmode`, `connect_timeout`, ...).
    public var options: [(key: String, value: String)]

    /// libpq options a URL may set; others are refused so that a URL cannot redirect credentials.
    static let allowedOptions: Set<String> = [
        "sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout", "application_name",
        "target_session_attrs", "options",
    ]

    /// An address from its parts.
    public init(user: String? = nil, password: String? = nil, host: String? = nil, port: Int? = nil,
                database: String? = nil, options: [(key: String, value: String)] = []) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.options = options
    }

    /// Parses what follows `postgres://`, accepting the options in `allowed` (by default libpq's).
    init(parsing rest: String, allowing allowed: Set<String> = allowedOptions) throws(OrderSourceError) {
        let (main, query) = Self.split(rest, at: "?")
        let (authority, path) = Self.split(main, at: "/")
        var hostPart = authority
        if let at = authority.lastIndex(of: "@") {
            let (user, password) = Self.split(String(authority[..<at]), at: ":")
            self.user = try Self.decode(user, part: "user").nonEmpty
            self.password = try password.map { text throws(OrderSourceError) in try Self.decode(text, part: "password") }
            hostPart = String(authority[authority.index(after: at)...])
        }
        let (host, port) = Self.split(hostPart, at: ":")
        self.host = try Self.decode(host, part: "host").nonEmpty
        if let port {
            guard let number = Int(port), (1...65535).contains(number) else {
                throw OrderSourceError("bad port '\(port)' in database url")
            }
            self.port = number
        }
        database = try path.map { text throws(OrderSourceError) in try Self.decode(text, part: "database") }?.nonEmpty
        options = []
        for pair in (query ?? "").split(separator: "&") {
            let (key, value) = Self.split(String(pair), at: "=")
            guard allowed.contains(key) else {
                throw OrderSourceError("unknown option '\(key)' in database url")
            }
            options.append((key, try Self.decode(value ?? "", part: "option '\(key)'")))
        }
    }

    /// `postgres://user@host:port/database`, without the password.
    public var description: String {
        let userPart = user.map { "\($0)@" } ?? ""
        let portPart = port.map { ":\($0)" } ?? ""
        return "postgres://\(userPart)\(host ?? "")\(portPart)/\(database ?? "")"
    }

    /// Equal parts, options compared in order.
    public static func == (a: PostgresAddress, b: PostgresAddress) -> Bool {
        a.user == b.user && a.password == b.password && a.host == b.host && a.port == b.port
            && a.database == b.database && a.options.elementsEqual(b.options) { $0 == $1 }
    }

    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    /// Percent-decodes a part of the URL (`%40` is `@`).
    private static func decode(_ text: String, part: String) throws(OrderSourceError) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else {
                throw OrderSourceError("bad percent escape in the \(part) of the database url")
            }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The string, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
