import SaleData

/// Orders in a PostgreSQL table, aggregated per minute by the server.
///
/// A lost connection is reopened on the next query; the query that met it fails with an error
/// marked `isConnectionLost`, so that callers (see `LiveOrderQuery`) can retry with back-off.
public final class PostgresSource: OrderSource {
    private let address: PostgresAddress
    private let credentials: PostgresCredentials
    private var connection: PostgresConnection?
    private var timeKinds: [String: PostgresMinuteSQL.TimeKind] = [:]

    /// Connects to the server at `address`; the password comes from the URL or `credentials`.
    public init(address: PostgresAddress, credentials: PostgresCredentials = PostgresCredentials())
        throws(OrderSourceError) {
        self.address = address
        self.credentials = credentials
        connection = try PostgresConnection(address: address, credentials: credentials)
    }

    /// The server's sums per minute; wall-clock minutes are moved to UTC here (see `PostgresMinuteSQL`).
    public func minuteRows(_ query: MinuteQuery, from: Int?, through: Int?) throws(OrderSourceError) -> [MinuteRow] {
        let kind = try timeKind(of: query)
        let statement = MinuteSQL(query, dialect: PostgresMinuteSQL(timeKind: kind), from: from, through: through)
        let width = query.rowWidth
        let rows = try run(statement.text, statement.parameters).map { fields throws(OrderSourceError) in
            try query.checkCurrency(fields)
            guard fields.count == width, let minute = fields[0].flatMap({ Int($0) }), let cents = fields[1].flatMap({ Int64($0) }),
                  let orders = fields[2].flatMap({ Int($0) }), let customers = fields[3].flatMap({ Int($0) }) else {
                throw OrderSourceError("unexpected row from '\(address)'")
            }
            let utcMinute = kind == .wallClock ? query.zone.utcSeconds(fromLocal: minute * 60) / 60 : minute
            return MinuteRow(minute: utcMinute, cents: cents, orders: orders, customers: customers,
                             group: query.group == nil ? nil : fields[4] ?? OrderGrouping.none)
        }
        guard kind == .wallClock else { return rows }
        return MinuteRow.merged(rows.filter { $0.minute >= (from ?? .min) && $0.minute <= (through ?? .max) })
    }

    /// Runs a statement, reconnecting first when the last one lost the connection.
    func run(_ sql: String, _ parameters: [String]) throws(OrderSourceError) -> [[String?]] {
        let current: PostgresConnection
        if let open = connection, open.isOpen {
            current = open
        } else {
            connection = nil
            current = try PostgresConnection(address: address, credentials: credentials)
            connection = current
        }
        return try current.query(sql, parameters)
    }

    /// The server process of the current connection (tests end it to simulate a lost connection).
    public var backendProcessID: Int? { connection?.backendProcessID }

    /// How the query's time column stores times, after checking that the table has every column
    /// the query reads; asked once per table and set of columns.
    private func timeKind(of query: MinuteQuery) throws(OrderSourceError) -> PostgresMinuteSQL.TimeKind {
        let key = ([query.table] + query.columnsRead.map(\.column)).map(\.quoted).joined(separator: ",")
        if let known = timeKinds[key] { return known }
        let rows = try run("""
            SELECT c.oid IS NOT NULL, a.attname, format_type(a.atttypid, NULL) \
            FROM (SELECT to_regclass($1)::oid AS oid) c LEFT JOIN pg_attribute a \
            ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, [query.table.quoted])
        guard rows.first?.first == "t" else {
            throw OrderSourceError("no table '\(query.table)' in '\(address)'")
        }
        let columns = rows.compactMap { $0[1] }
        try TableColumns(names: columns, ignoringCase: false).check(query)
        let type = rows.first { $0[1] == query.time.parts[0] }?[2] ?? ""
        let kind: PostgresMinuteSQL.TimeKind
        switch type {
        case "timestamp with time zone": kind = .instant
        case "timestamp without time zone": kind = .wallClock
        case "bigint", "integer", "smallint", "numeric", "double precision", "real": kind = .epochSeconds
        default:
            throw OrderSourceError("time column '\(query.time)' of '\(query.table)' is \(type) (timestamp or epoch"
                + " seconds expected)")
        }
        timeKinds[key] = kind
        return kind
    }
}
