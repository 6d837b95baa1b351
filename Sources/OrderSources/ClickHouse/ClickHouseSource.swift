import SaleData

/// Orders in a ClickHouse table (a `Distributed` one on a cluster), aggregated per minute by the
/// server and read over its HTTP interface.
///
/// Each statement opens its own connection, so there is nothing to reopen after a loss: the query
/// that met it fails with an error marked `isConnectionLost`, and the next one connects afresh.
public final class ClickHouseSource: OrderSource {
    private let connection: ClickHouseConnection
    private var kinds: [String: (ClickHouseMinuteSQL.TimeKind, ClickHouseMinuteSQL.AmountKind)] = [:]
    /// Most rows a query's answer may have; more stops the reading with an error (10 years of minutes,
    /// or the group-minutes a grouped reading may hold, whichever is more).
    public var maxRows = max(maxWindowMinutes, OrderGrouping.defaultMaxCells)

    /// A source reading from the server at `address`; the password comes from the URL or
    /// `credentials` (`CLICKHOUSE_PASSWORD`, `CLICKHOUSE_PASSWORD_FILE`). Nothing is sent yet.
    public init(address: ClickHouseAddress, credentials: PostgresCredentials = PostgresCredentials()) {
        connection = ClickHouseConnection(address: address, credentials: credentials)
    }

    /// The server's sums per minute.
    public func minuteRows(_ query: MinuteQuery, from: Int?, through: Int?) throws(OrderSourceError) -> [MinuteRow] {
        let (time, amount) = try kinds(of: query)
        let statement = MinuteSQL(query, dialect: ClickHouseMinuteSQL(time: time, amount: amount), from: from, through: through)
        let width = query.rowWidth
        var result: [MinuteRow] = []
        try connection.query(statement.text) { rows throws(OrderSourceError) in
            guard result.count + rows.count <= maxRows else {
                throw OrderSourceError("the answer of '\(connection.address)' has more than \(maxRows) rows (minutes,"
                    + " or group-minutes); give a shorter window (from/to) or fewer groups")
            }
            for fields in rows {
                try query.checkCurrency(fields)
                guard fields.count == width, let minute = fields[0].flatMap({ Int($0) }),
                      let cents = fields[1].flatMap({ Int64($0) }), let orders = fields[2].flatMap({ Int($0) }),
                      let customers = fields[3].flatMap({ Int($0) }) else {
                    throw OrderSourceError("unexpected row from '\(connection.address)'")
                }
                result.append(MinuteRow(minute: minute, cents: cents, orders: orders, customers: customers,
                                        group: query.group == nil ? nil : fields[4] ?? OrderGrouping.none))
            }
        }
        return result
    }

    /// Runs a statement and returns its `TabSeparated` rows (tests load and inspect tables with it).
    func run(_ sql: String) throws(OrderSourceError) -> [[String?]] { try connection.rows(sql) }

    /// How the time and amount columns store their values, after checking that the table has every
    /// column the query reads; asked once per table and set of columns.
    private func kinds(of query: MinuteQuery) throws(OrderSourceError)
        -> (ClickHouseMinuteSQL.TimeKind, ClickHouseMinuteSQL.AmountKind) {
        let key = ([query.table] + query.columnsRead.map(\.column)).map(\.quoted).joined(separator: ",")
        if let known = kinds[key] { return known }
        let database = query.table.parts.count == 2 ? SQLValue.text(query.table.parts[0]).clickHouseLiteral : "currentDatabase()"
        let table = SQLValue.text(query.table.parts[query.table.parts.count - 1]).clickHouseLiteral
        let rows = try connection.rows("SELECT name, type FROM system.columns WHERE database = \(database)"
                                       + " AND table = \(table) FORMAT TabSeparated")
        guard !rows.isEmpty else { throw OrderSourceError("no table '\(query.table)' in '\(connection.address)'") }
        try TableColumns(names: rows.compactMap { $0.first ?? nil }, ignoringCase: false).check(query)
        func type(of column: SQLIdentifier) -> String {
            let type = rows.first { $0.first == column.parts[0] }?.last.flatMap { $0 } ?? ""
            return Self.unwrapped(type)
        }
        let timeType = type(of: query.time), amountType = type(of: query.amount)
        let time: ClickHouseMinuteSQL.TimeKind
        if timeType == "DateTime" || timeType.hasPrefix("DateTime(") {
            time = .dateTime
        } else if timeType.hasPrefix("DateTime64") {
            time = .dateTime64
        } else if Self.isNumber(timeType) {
            time = .epochSeconds
        } else {
            throw OrderSourceError("time column '\(query.time)' of '\(query.table)' is \(timeType) (DateTime or epoch"
                + " seconds expected)")
        }
        let amount: ClickHouseMinuteSQL.AmountKind
        if amountType.hasPrefix("Decimal") {
            // `Decimal(P, S)` (or `Decimal32(S)`, ...): the scale is the last number.
            amount = .decimal(scale: amountType.split(whereSeparator: { !$0.isNumber }).last.flatMap { Int($0) } ?? 0)
        } else if Self.isNumber(amountType) {
            amount = .number
        } else {
            throw OrderSourceError("amount column '\(query.amount)' of '\(query.table)' is \(amountType) (a number expected)")
        }
        kinds[key] = (time, amount)
        return (time, amount)
    }

    /// The type inside `Nullable(...)` and `LowCardinality(...)`.
    private static func unwrapped(_ type: String) -> String {
        for wrapper in ["Nullable(", "LowCardinality("] where type.hasPrefix(wrapper) && type.hasSuffix(")") {
            return unwrapped(String(type.dropFirst(wrapper.count).dropLast()))
        }
        return type
    }

    private static func isNumber(_ type: String) -> Bool {
        ["UInt", "Int", "Float", "Decimal"].contains { type.hasPrefix($0) }
    }
}
