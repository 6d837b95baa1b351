/// Where the orders live: a PostgreSQL server, a ClickHouse server or an SQLite file.
///
/// PostgreSQL: `postgres://user:password@host:port/database?sslmode=require` (also `postgresql://`);
/// the password may instead come from `PGPASSWORD` or `~/.pgpass`. ClickHouse (its HTTP interface):
/// `clickhouse://user:password@host:8123/database?timeout=300`; the password may instead come from
/// `CLICKHOUSE_PASSWORD` or the file `CLICKHOUSE_PASSWORD_FILE` names. SQLite: `sqlite:path`,
/// `sqlite:///absolute/path`, or a path ending in `.db`, `.sqlite` or `.sqlite3`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// A PostgreSQL server.
    case postgres(PostgresAddress)
    /// A ClickHouse server.
    case clickhouse(ClickHouseAddress)
    /// An SQLite database file.
    case sqlite(path: String)

    /// Parses a URL; the error never repeats a password.
    public init(_ text: String) throws(OrderSourceError) {
        if let rest = Self.dropScheme(text, ["postgres://", "postgresql://"]) {
            self = .postgres(try PostgresAddress(parsing: rest))
        } else if let rest = Self.dropScheme(text, ["clickhouse://"]) {
            self = .clickhouse(try ClickHouseAddress(parsing: rest))
        } else if let rest = Self.dropScheme(text, ["sqlite://", "sqlite:"]) {
            guard !rest.isEmpty else { throw OrderSourceError("bad database url 'sqlite:' (no file path)") }
            self = .sqlite(path: rest)
        } else if [".db", ".sqlite", ".sqlite3"].contains(where: text.hasSuffix) {
            self = .sqlite(path: text)
        } else {
            let shown = text.contains("@") ? "<url hidden: it may hold a password>" : text
            throw OrderSourceError("bad database url '\(shown)' (postgres://..., clickhouse://... or sqlite:path expected)")
        }
    }

    /// The URL without its password, safe for logs and errors.
    public var description: String {
        switch self {
        case .postgres(let address): return address.description
        case .clickhouse(let address): return address.description
        case .sqlite(let path): return "sqlite:\(path)"
        }
    }

    private static func dropScheme(_ text: String, _ schemes: [String]) -> String? {
        schemes.first { text.lowercased().hasPrefix($0) }.map { String(text.dropFirst($0.count)) }
    }
}
