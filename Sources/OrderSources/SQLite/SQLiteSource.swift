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
        var filter = ""
        if !query.filter.conditions.isEmpty {
            let sql = query.filter.sql(firstParameter: values.count + 1) { "?\($0)" }
            filter = " WHERE \(sql.text)"
            values += sql.values
        }
        let customer = query.customer?.quoted ?? "NULL"
        let sql = """
            SELECT local, s / 60 AS minute, sum(cents), count(*), count(DISTINCT customer) FROM (\
            SELECT \(isLocal) AS local, \(seconds) AS s, CAST(round(\(query.amount.quoted) * 100) AS INTEGER) AS cents, \
            \(customer) AS customer FROM \(query.table.quoted)\(filter)) \
            WHERE \(conditions.joined(separator: " AND ")) GROUP BY local, minute
            """
        let rows = try database.rows(sql, values).map { fields throws(OrderSourceError) in
            guard fields.count == 5, let local = fields[0].integer, let minute = fields[1].integer,
                  let orders = fields[3].integer, let customers = fields[4].integer else {
                throw OrderSourceError("unexpected row from 'sqlite:\(database.path)'")
            }
            let utcMinute = local == 1 ? query.zone.utcSeconds(fromLocal: Int(minute) * 60) / 60 : Int(minute)
            return MinuteRow(minute: utcMinute, cents: fields[2].integer ?? 0, orders: Int(orders), customers: Int(customers))
        }
        return MinuteRow.merged(rows.filter { $0.minute >= (from ?? .min) && $0.minute <= (through ?? .max) })
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
