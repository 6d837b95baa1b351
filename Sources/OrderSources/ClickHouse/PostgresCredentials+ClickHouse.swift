extension PostgresCredentials {
    /// The user for a ClickHouse address: the URL's, `CLICKHOUSE_USER`, or `default`.
    public func user(for address: ClickHouseAddress) -> String {
        address.user ?? environment["CLICKHOUSE_USER"].flatMap(\.nonEmpty) ?? "default"
    }

    /// The password for a ClickHouse address: the URL's, `CLICKHOUSE_PASSWORD`, or the first line of
    /// the file `CLICKHOUSE_PASSWORD_FILE` names (ignored, as libpq ignores `~/.pgpass`, when group or
    /// others can read it); nil for none.
    public func password(for address: ClickHouseAddress) -> String? {
        if let password = address.password { return password }
        if let password = environment["CLICKHOUSE_PASSWORD"], !password.isEmpty { return password }
        guard let path = environment["CLICKHOUSE_PASSWORD_FILE"], !path.isEmpty,
              let text = Self.readPrivateFile(path) else { return nil }
        return text.split(whereSeparator: \.isNewline).first.map(String.init)
    }
}
