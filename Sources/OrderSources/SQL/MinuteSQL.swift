/// The per-minute aggregation statement: minutes cut and summed with GROUP BY by the server, so
/// only one row a minute (a group-minute with `query.group`) comes back. What differs between
/// servers is the dialect's: how values are written, how times become minutes, how cents are summed.
struct MinuteSQL {
    /// The statement text.
    let text: String
    /// Its parameters, in order (none where the dialect writes values as literals).
    let parameters: [String]

    /// The statement for a query over minutes `from...through` (nil bounds are open); rows are
    /// `minute, cents, orders, customers` (and the group's name with `query.group`, and a currency code
    /// the rates do not give, or none, with `query.currency`), ordered by group and minute.
    init(_ query: MinuteQuery, dialect: some MinuteSQLDialect, from: Int?, through: Int?) {
        var parameters: [String] = []
        let column = query.time.quoted
        let minute = dialect.minute(of: column)
        var conditions = ["\(column) IS NOT NULL"]
        if let from {
            conditions.append("\(column) >= \(dialect.instant(from * 60 - dialect.boundSlack, parameters: &parameters))")
        }
        if let through {
            conditions.append("\(column) < \(dialect.instant((through + 1) * 60 + dialect.boundSlack, parameters: &parameters))")
        }
        if !query.filter.conditions.isEmpty {
            conditions.append(query.filter.sql { dialect.write($0, parameters: &parameters) })
        }
        var cents = dialect.centsSum(of: query.amount.quoted)
        var unknown: String?
        if let conversion = query.currency {
            let code = dialect.currencyCode(of: conversion.column)
            cents = dialect.convertedCentsSum(of: query.amount.quoted, rate: dialect.rate(of: code, conversion, parameters: &parameters))
            unknown = dialect.unknownCode(code, conversion, parameters: &parameters)
        }
        var columns: [(expression: String, name: String)] = [
            (minute, "minute"), (cents, "cents"), (dialect.orderCount, "orders"),
            (query.customer.map { dialect.distinctCount(of: $0.quoted) } ?? "0", "customers"),
        ]
        var keys = [(expression: minute, position: 1)]
        if let group = query.group {
            columns.append((dialect.groupName(of: group), "grp"))
            keys.insert((columns[4].expression, 5), at: 0)
        }
        if let unknown { columns.append((unknown, "unknown")) }
        text = "SELECT \(dialect.select(columns)) FROM \(query.table.quoted)"
            + " WHERE \(conditions.joined(separator: " AND ")) \(dialect.groupAndOrder(by: keys))"
        self.parameters = parameters
    }
}

/// What one server's SQL writes its own way in the per-minute statement.
protocol MinuteSQLDialect {
    /// Seconds the window's bounds are widened by on each side (for times whose zone moves them).
    var boundSlack: Int { get }
    /// The expression counting a group's rows.
    var orderCount: String { get }
    /// A value in the statement: a placeholder whose text is appended to `parameters`, or a literal.
    func write(_ value: SQLValue, parameters: inout [String]) -> String
    /// The time column's value at `seconds` since the epoch, to compare the bare column with.
    func instant(_ seconds: Int, parameters: inout [String]) -> String
    /// The minute of the time column `column`, counted from the epoch.
    func minute(of column: String) -> String
    /// The exact sum of the amount column in cents, each order rounded to cents first.
    func centsSum(of amount: String) -> String
    /// The currency code in `column` as the rates name codes: trimmed, upper case, empty for NULL.
    func currencyCode(of column: SQLIdentifier) -> String
    /// The rate of the code `code` (an expression) among the conversion's codes, 0 for another code.
    func rate(of code: String, _ conversion: CurrencyConversion, parameters: inout [String]) -> String
    /// The exact sum in cents of the amount column times `rate`, each order rounded to cents first
    /// (half away from zero, as the CSV reader rounds).
    func convertedCentsSum(of amount: String, rate: String) -> String
    /// One code `code` takes among a group's rows that the conversion does not give (empty or NULL for none).
    func unknownCode(_ code: String, _ conversion: CurrencyConversion, parameters: inout [String]) -> String
    /// The number of distinct values of `column`.
    func distinctCount(of column: String) -> String
    /// The group's name: the column as text, spaces trimmed, `(none)` for NULL or empty (as the CSV
    /// reader names rows with an empty field).
    func groupName(of column: SQLIdentifier) -> String
    /// The SELECT list of the expressions (named where the dialect names them).
    func select(_ columns: [(expression: String, name: String)]) -> String
    /// The GROUP BY and ORDER BY clauses (and whatever ends the statement) over the keys, given by
    /// expression and by their position in the SELECT list.
    func groupAndOrder(by keys: [(expression: String, position: Int)]) -> String
}
