/// The PostgreSQL servers a sandboxed script may use: only those its command line names, so a
/// script cannot send the operator's credentials (`PGPASSWORD`, `~/.pgpass`, a URL's password, a
/// client certificate) to a server of its choosing, nor make libpq read files it names.
public struct DatabaseAllowList: Sendable, Equatable {
    /// The named servers, with their passwords and options.
    public let servers: [PostgresAddress]
    /// The named ClickHouse servers, with their passwords and options.
    public let clickHouseServers: [ClickHouseAddress]

    /// The servers named on the command line (SQLite files follow the sandbox's file policy instead).
    public init(_ servers: [PostgresAddress], clickHouse: [ClickHouseAddress] = []) {
        self.servers = servers
        clickHouseServers = clickHouse
    }

    /// The named server a script's `address` stands for: the same user, host, port and database,
    /// with no option the named URL does not set the same way. The script's password is not used:
    /// the connection takes the named URL's (or `PGPASSWORD`'s, or `~/.pgpass`'s).
    public func permit(_ address: PostgresAddress) throws(OrderSourceError) -> PostgresAddress {
        let named = servers.first { server in
            server.user == address.user && server.host == address.host && server.port == address.port
                && server.database == address.database
                && address.options.allSatisfy { option in server.options.contains { $0 == option } }
        }
        guard let named else {
            throw OrderSourceError("connecting to '\(address)' is not allowed in the sandbox (name the database with --db)")
        }
        return named
    }

    /// The named ClickHouse server a script's `address` stands for: the same user, host, port and
    /// database (its password and timeouts are the named URL's).
    public func permit(_ address: ClickHouseAddress) throws(OrderSourceError) -> ClickHouseAddress {
        let named = clickHouseServers.first { server in
            server.user == address.user && server.host == address.host && server.port == address.port
                && server.database == address.database
        }
        guard let named else {
            throw OrderSourceError("connecting to '\(address)' is not allowed in the sandbox (name the database with --db)")
        }
        return named
    }
}
