import SaleData

/// Opens order sources by URL and reads per-minute tables from them.
public enum OrderDatabase {
    /// The source a URL names: a PostgreSQL connection, a ClickHouse server or an SQLite file.
    public static func open(_ url: String, credentials: PostgresCredentials = PostgresCredentials())
        throws(OrderSourceError) -> any OrderSource {
        try open(try DatabaseURL(url), credentials: credentials)
    }

    /// The source a parsed URL names.
    public static func open(_ database: DatabaseURL, credentials: PostgresCredentials = PostgresCredentials())
        throws(OrderSourceError) -> any OrderSource {
        switch database {
        case .postgres(let address): return try PostgresSource(address: address, credentials: credentials)
        case .clickhouse(let address): return ClickHouseSource(address: address, credentials: credentials)
        case .sqlite(let path): return try SQLiteSource(path: path)
        }
    }
}

extension OrderSource {
    /// The per-minute table of a query: sums from the database, zeros filled in for minutes
    /// without orders, over the query's window (or first to last order).
    public func minuteTable(_ query: MinuteQuery) throws(OrderSourceError) -> MinuteTable {
        let rows = try minuteRows(query, from: query.window?.lowerBound, through: query.window?.upperBound)
        return try MinuteTable(rows: rows, window: query.window, zone: query.zone, customers: query.customer != nil)
    }
}
