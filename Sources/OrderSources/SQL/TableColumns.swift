/// The columns a table has, against which a query's columns are checked before it runs.
///
/// SQLite reads a double-quoted name that is no column as a string literal, so a misspelled
/// `"totl"` would sum the text 'totl' to zero: every column a query reads is looked up first.
struct TableColumns: Sendable {
    /// The table's column names, in the table's order.
    let names: [String]
    /// Whether names match without regard to case (SQLite) or exactly (PostgreSQL's quoted names).
    let ignoringCase: Bool

    /// Throws naming the first column the query reads that the table lacks, with the table's columns.
    func check(_ query: MinuteQuery) throws(OrderSourceError) {
        let known = Set(names.map(normalized))
        for (role, column) in query.columnsRead where !known.contains(normalized(column.description)) {
            throw OrderSourceError("no column '\(column)' (\(role)) in table '\(query.table)' (columns: "
                + names.joined(separator: ", ") + ")")
        }
    }

    private func normalized(_ name: String) -> String { ignoringCase ? name.lowercased() : name }
}

extension MinuteQuery {
    /// Every column the query reads, with its role: time, amount, customer, group, currency and the filter's columns.
    var columnsRead: [(role: String, column: SQLIdentifier)] {
        var columns = [("time", time), ("amount", amount)]
        if let customer { columns.append(("customer", customer)) }
        if let group { columns.append(("group", group)) }
        if let currency { columns.append(("currency", currency.column)) }
        for condition in filter.conditions {
            switch condition {
            case .compare(let column, _, _), .oneOf(let column, _), .isNull(let column, _): columns.append(("where", column))
            }
        }
        return columns
    }
}
