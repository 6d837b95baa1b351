/// What reading an orders file counted: rows, orders kept, and everything left out and why.
public struct ReadReport: Sendable, Equatable {
    /// Data rows read (blank lines not counted).
    public internal(set) var rows = 0
    /// Orders aggregated.
    public internal(set) var orders = 0
    /// Rows whose order id was already seen (counted once).
    public internal(set) var duplicates = 0
    /// Rows excluded by status, per status as written (lowercased).
    public internal(set) var excluded: [String: Int] = [:]
    /// Rows whose time lies outside the window asked for.
    public internal(set) var outsideWindow = 0
    /// Rows skipped in lenient mode, per reason.
    public internal(set) var skipped: [String: Int] = [:]
    /// The first few `file:line:column: reason` messages per reason (duplicates under `duplicate order id`).
    public internal(set) var examples: [String: [String]] = [:]

    /// Formats found in the rows rather than given: `decimal comma (line 2)`, `day-first dates (line 3)`.
    public internal(set) var formatsFound: [String] = []

    /// The first row skipped, to locate a file whose every row is bad.
    var firstSkipped: OrdersError?

    /// How many examples are kept per reason.
    static let examplesPerReason = 3

    /// Total rows skipped as bad.
    public var skippedTotal: Int { skipped.values.reduce(0, +) }

    /// Whether every row was an order counted (or excluded by status or window).
    var isClean: Bool { duplicates == 0 && skipped.isEmpty }

    mutating func skip(_ error: OrdersError, reason: String) {
        if firstSkipped == nil { firstSkipped = error }
        skipped[reason, default: 0] += 1
        note(error.description, under: reason)
    }

    mutating func note(_ message: String, under reason: String) {
        if examples[reason, default: []].count < Self.examplesPerReason {
            examples[reason, default: []].append(message)
        }
    }

    /// Throws at the first bad row when every row was skipped as bad: lenient reading of a file in
    /// the wrong format must not pass for an empty sale.
    func requireAGoodRow() throws(OrdersError) {
        guard rows > 0, skippedTotal == rows, let first = firstSkipped else { return }
        throw OrdersError(file: first.file, line: first.line, column: first.column,
                          reason: "every row is bad (\(rows) skipped), the first: \(first.reason)")
    }

    /// Notes the formats found in the file (a decimal comma, an order of dates), not those given.
    mutating func note(_ found: ReadFormats, given options: OrdersReadOptions) {
        formatsFound = []
        if options.decimal == nil, found.decimal == .comma, let line = found.decimalLine {
            formatsFound.append("decimal comma (line \(line))")
        }
        if options.dates == nil, let order = found.dates, let line = found.datesLine {
            formatsFound.append("\(order.name) dates (line \(line))")
        }
    }

    /// Adds the counts of a report of a later part of the same file (which must be clean).
    mutating func absorb(_ other: ReadReport) {
        rows += other.rows
        orders += other.orders
        outsideWindow += other.outsideWindow
        excluded.merge(other.excluded, uniquingKeysWith: +)
    }
}

extension ReadReport: CustomStringConvertible {
    /// One line: `read 120 rows: 113 orders, 2 duplicates, 3 excluded (cancelled 3), 2 skipped (...)`.
    public var description: String {
        var parts = ["\(orders) orders"]
        if duplicates > 0 { parts.append("\(duplicates) duplicates") }
        let excludedTotal = excluded.values.reduce(0, +)
        if excludedTotal > 0 {
            let detail = excluded.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            parts.append("\(excludedTotal) excluded (\(detail))")
        }
        if outsideWindow > 0 { parts.append("\(outsideWindow) outside the window") }
        if skippedTotal > 0 {
            let detail = skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            parts.append("\(skippedTotal) skipped (\(detail))")
        }
        parts += formatsFound
        return "read \(rows) rows: " + parts.joined(separator: ", ")
    }
}
