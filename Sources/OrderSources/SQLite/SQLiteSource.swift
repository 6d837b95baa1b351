import SaleData

/// Orders in an SQLite table, aggregated per minute by SQLite.
///
/// Times may be epoch seconds (integer or real), ISO 8601 text with an offset or `Z` (an
/// instant), or ISO 8601 text without one (a wall-clock time in the shop's zone, as in the CSV
/// reader). SQLite knows no time zones, so it groups wall-clock times by their local minute and
/// FlashCast applies the zone's offset to each such minute (daylight saving included); instants
/// are grouped by their UTC minute directly.
public final class SQLiteSource: OrderSource {
    /// The database.
    public let database: SQLiteDatabase

    /// Reads from an open database.
    public init(database: SQLiteDatabase) { self.database = database }

    /// Opens the database file at `path`.
    public convenience init(path: String) throws(OrderSourceError) {
        self.init(database: try SQLiteDatabase(path: path))
    }

    /// Most a zone's offset can move a wall-clock minute, in seconds (a day, beyond any real zone).
    private static let offsetSlack = 86_400

    /// SQLite's sums per minute, wall-clock minutes moved to UTC.
    public func minuteRows(_ query: MinuteQuery, from: Int?, through: Int?) throws(OrderSourceError) -> [MinuteRow] {
        try columns(of: query.table).check(query)
        let time = query.time.quoted
        let isNumber = "typeof(\(time)) IN ('integer', 'real')"
        let seconds = "CASE WHEN \(isNumber) THEN CAST(\(time) AS INTEGER) ELSE CAST(strftime('%s', \(time)) AS INTEGER) END"
        let isLocal = "CASE WHEN \(isNumber) OR \(time) GLOB '*Z' OR \(time) GLOB '*[+-][0-9][0-9]:[0-9][0-9]' THEN 0 ELSE 1 END"
        var values: [SQLValue] = []
        var conditions = ["s IS NOT NULL"]
        if let from {
            values.append(.integer(Int64(from * 60 - Self.offsetSlack)))
            conditions.append("s >= ?\(values.count)")
        }
        if let through {
            values.append(.integer(Int64((through + 1) * 60 + Self.offsetSlack)))
            conditions.append("s < ?\(values.count)")
        }
        let customer = query.customer?.quoted ?? "NULL"
        let group = query.group.map { MinuteRow.groupSQL($0, text: "CAST(\($0.quoted) AS TEXT)", trim: "trim") } ?? "NULL"
        let amount = query.amount.quoted
        // with a conversion, each order's cents in the reporting currency (NULL for a code the rates do
        // not give, which comes back as `unknown`)
        var cents = "CAST(round(\(amount) * 100) AS INTEGER)", unknown = "NULL"
        if let conversion = query.currency {
            let code = "upper(trim(COALESCE(CAST(\(conversion.column.quoted) AS TEXT), '')))"
            let rate = "CASE \(code) " + conversion.codes.map { "WHEN '\($0.code)' THEN \($0.rate)" }.joined(separator: " ") + " END"
            cents = "CAST(round(\(amount) * 100 * (\(rate))) AS INTEGER)"
            unknown = "CASE WHEN (\(rate)) IS NULL THEN \(code) END"
        }
        // rows SQLite would read as no time or as a wrong number are counted, not dropped or summed
        let badTime = "(\(time) IS NOT NULL AND \(seconds) IS NULL)"
        let badAmount = "(typeof(\(amount)) IN ('text', 'blob') AND (trim(\(amount)) = '' OR trim(\(amount)) GLOB '*[^0-9.+-]*'"
            + " OR \(amount) GLOB '*.*.*'))"
        /// The table's rows the filter keeps, its parameters numbered from `first`.
        func rowsSQL(firstParameter first: Int) -> (text: String, values: [SQLValue]) {
            let filter = query.filter.conditions.isEmpty ? nil : query.filter.sql(firstParameter: first) { "?\($0)" }
            let text = """
                SELECT \(isLocal) AS local, \(seconds) AS s, \(cents) AS cents, \(unknown) AS unknown, \
                \(customer) AS customer, \(group) AS grp, \(badTime) AS bad_time, \(badAmount) AS bad_amount, \(time) AS t, \(amount) AS a \
                FROM \(query.table.quoted)\(filter.map { " WHERE \($0.text)" } ?? "")
                """
            return (text, filter?.values ?? [])
        }
        let filtered = rowsSQL(firstParameter: values.count + 1)
        values += filtered.values
        let sql = """
            SELECT local, s / 60 AS minute, sum(cents), count(*), count(DISTINCT customer), sum(bad_time), \
            sum(bad_amount), grp, min(unknown) FROM (\(filtered.text)) WHERE bad_time OR bad_amount OR (\(conditions.joined(separator: " AND "))) \
            GROUP BY local, minute, grp
            """
        let found = try database.rows(sql, values)
        try checkValues(found, query: query, rowsSQL: rowsSQL(firstParameter: 1))
        if let conversion = query.currency, case .text(let code)? = found.lazy.compactMap({ $0.count == 9 ? $0[8] : nil })
            .first(where: { $0 != .null }) {
            throw conversion.unknown(code, table: query.table)
        }
        let rows = try found.filter { $0.count == 9 && $0[1] != .null }.map { fields throws(OrderSourceError) in
            guard let local = fields[0].integer, let minute = fields[1].integer,
                  let orders = fields[3].integer, let customers = fields[4].integer else {
                throw OrderSourceError("unexpected row from 'sqlite:\(database.path)'")
            }
            let utcMinute = local == 1 ? query.zone.utcSeconds(fromLocal: Int(minute) * 60) / 60 : Int(minute)
            var group: String?
            if query.group != nil, case .text(let name) = fields[7] { group = name }
            return MinuteRow(minute: utcMinute, cents: fields[2].integer ?? 0, orders: Int(orders), customers: Int(customers),
                             group: group)
        }
        return MinuteRow.merged(rows.filter { $0.minute >= (from ?? .min) && $0.minute <= (through ?? .max) })
    }

    /// Throws when rows hold a time SQLite cannot read (`29.11.2024 10:00`) or an amount that is no
    /// number (`12,50`, which SQLite would sum as 12), naming how many and the first one.
    private func checkValues(_ rows: [[SQLiteStatement.Value]], query: MinuteQuery,
                             rowsSQL: (text: String, values: [SQLValue])) throws(OrderSourceError) {
        let badTimes = rows.reduce(0) { $0 + ($1.count == 9 ? $1[5].integer ?? 0 : 0) }
        let badAmounts = rows.reduce(0) { $0 + ($1.count == 9 ? $1[6].integer ?? 0 : 0) }
        guard badTimes + badAmounts > 0 else { return }
        let (flag, value, column, count, what, expected) = badTimes > 0
            ? ("bad_time", "t", query.time, badTimes, "a time", " (ISO 8601 text or epoch seconds expected)")
            : ("bad_amount", "a", query.amount, badAmounts, "a number", "")
        let example = try database.rows("SELECT \(value) FROM (\(rowsSQL.text)) WHERE \(flag) LIMIT 1", rowsSQL.values)
        let text: String
        switch example.first?.first {
        case .text(let value)?: text = value
        case .integer(let value)?: text = String(value)
        case .real(let value)?: text = String(value)
        default: text = ""
        }
        throw OrderSourceError("column '\(column)' of table '\(query.table)' is not \(what) in \(count)"
            + " \(count == 1 ? "row" : "rows"), such as '\(text)'\(expected)")
    }

    /// The table's columns (`PRAGMA table_info`); a table that does not exist is an error.
    func columns(of table: SQLIdentifier) throws(OrderSourceError) -> TableColumns {
        let pragma = table.parts.count == 2
            ? "PRAGMA \"\(table.parts[0])\".table_info(\"\(table.parts[1])\")" : "PRAGMA table_info(\(table.quoted))"
        let names = try database.rows(pragma).compactMap { fields -> String? in
            guard fields.count > 1, case .text(let name) = fields[1] else { return nil }
            return name
        }
        guard !names.isEmpty else { throw OrderSourceError("no table '\(table)' in 'sqlite:\(database.path)'") }
        return TableColumns(names: names, ignoringCase: true)
    }
}
