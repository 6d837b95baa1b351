import SaleData

/// The per-minute aggregation in PostgreSQL's SQL: `date_trunc('minute', ...)` and GROUP BY.
///
/// Instants (`timestamptz`, epoch seconds) are cut into minutes in the shop's zone by the server.
/// Wall-clock times (`timestamp` without zone) are grouped by their local minute and FlashCast
/// moves each such minute to UTC, so that a time repeated when daylight saving ends is read as
/// its first occurrence, exactly as the CSV reader reads it (PostgreSQL's `AT TIME ZONE` picks the
/// second).
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

    /// Most a zone's offset can move a wall-clock minute, in seconds (a day, beyond any real zone).
    static let offsetSlack = 86_400

    /// The statement text.
    let text: String
    /// Its parameters, in order (`$1`, `$2`, ...).
    let parameters: [String]

    /// The statement for a query over minutes `from...through` (nil bounds are open); rows are
    /// `(minute, cents, orders, customers)`, minutes local for `.wallClock`, UTC otherwise.
    init(_ query: MinuteQuery, timeKind: TimeKind, from: Int?, through: Int?) {
        var parameters: [String] = []
        func bind(_ value: String) -> String {
            parameters.append(value)
            return "$\(parameters.count)"
        }
        let column = query.time.quoted
        let minute: String
        var bound: (Int) -> String
        switch timeKind {
        case .instant:
            minute = "date_trunc('minute', \(column), \(bind(Self.zoneName(query.zone))))"
            bound = { "to_timestamp(\(bind(String($0))))" }
        case .wallClock:
            minute = "date_trunc('minute', \(column))"
            bound = { "(to_timestamp(\(bind(String($0)))) AT TIME ZONE 'UTC')" }
        case .epochSeconds:
            minute = "date_trunc('minute', to_timestamp(\(column)), \(bind(Self.zoneName(query.zone))))"
            bound = { bind(String($0)) }
        }
        let slack = timeKind == .wallClock ? Self.offsetSlack : 0
        var conditions = ["\(column) IS NOT NULL"]
        if let from { conditions.append("\(column) >= \(bound(from * 60 - slack))") }
        if let through { conditions.append("\(column) < \(bound((through + 1) * 60 + slack))") }
        if !query.filter.conditions.isEmpty {
            let filter = query.filter.sql(firstParameter: parameters.count + 1) { "$\($0)" }
            conditions.append(filter.text)
            parameters += filter.values.map(\.postgresText)
        }
        let customers = query.customer.map { "count(DISTINCT \($0.quoted))" } ?? "0"
        text = """
            SELECT (extract(epoch FROM \(minute)) / 60)::bigint AS minute, \
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
