import SaleData

/// The per-minute aggregation in PostgreSQL's SQL: `date_trunc('minute', time, zone)` and GROUP BY.
struct PostgresMinuteSQL {
    /// How the time column stores instants.
    enum TimeKind: Sendable, Equatable {
        /// `timestamp with time zone`.
        case instant
        /// `timestamp without time zone`, a wall-clock time in the shop's zone.
        case wallClock
        /// A number of seconds since the epoch.
        case epochSeconds
    }

    /// The statement text.
    let text: String
    /// Its parameters, in order (`$1`, `$2`, ...).
    let parameters: [String]

    /// The statement for a query over minutes `from...through` (nil bounds are open).
    init(_ query: MinuteQuery, timeKind: TimeKind, from: Int?, through: Int?) {
        var parameters = [Self.zoneName(query.zone)]
        func bind(_ value: String) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }
        let column = query.time.quoted
        let instant: String
        switch timeKind {
        case .instant: instant = column
        case .wallClock: instant = "(\(column) AT TIME ZONE $1)"
        case .epochSeconds: instant = "to_timestamp(\(column))"
        }
        var conditions = ["\(column) IS NOT NULL"]
        if let from {
            conditions.append(timeKind == .epochSeconds ? "\(column) >= \(bind(String(from * 60)))"
                : "\(instant) >= to_timestamp(\(bind(String(from * 60))))")
        }
        if let through {
            conditions.append(timeKind == .epochSeconds ? "\(column) < \(bind(String((through + 1) * 60)))"
                : "\(instant) < to_timestamp(\(bind(String((through + 1) * 60))))")
        }
        if !query.filter.conditions.isEmpty {
            let filter = query.filter.sql(firstParameter: parameters.count + 1) { "$\($0)" }
            conditions.append(filter.text)
            parameters += filter.values.map(\.postgresText)
        }
        let customers = query.customer.map { "count(DISTINCT \($0.quoted))" } ?? "0"
        text = """
            SELECT (extract(epoch FROM date_trunc('minute', \(instant), $1)) / 60)::bigint AS minute, \
            sum(round(\(query.amount.quoted)::numeric * 100))::bigint AS cents, count(*) AS orders, \
            \(customers) AS customers \
            FROM \(query.table.quoted) WHERE \(conditions.joined(separator: " AND ")) GROUP BY 1 ORDER BY 1
            """
        self.parameters = parameters
    }

    /// The zone as PostgreSQL reads it: IANA names as they are; fixed offsets in POSIX form
    /// (`<+0800>-08:00`), because PostgreSQL reads a bare `+08:00` with the POSIX sign, west of UTC.
    static func zoneName(_ zone: ShopZone) -> String {
        let name = zone.description
        guard let sign = name.first, sign == "+" || sign == "-" else { return name }
        let digits = name.dropFirst()
        return "<\(sign)\(String(digits.filter { $0 != ":" }))>\(sign == "+" ? "-" : "+")\(digits)"
    }
}
