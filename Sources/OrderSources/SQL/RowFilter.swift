/// A `where` filter restricted to comparisons of a column with values, joined by `and`.
///
/// Analysts write `status = 'paid' and total >= 10`; the filter keeps the column names as
/// validated identifiers and the values as bound parameters, so the text they pass cannot reach
/// the database as SQL.
public struct RowFilter: Sendable, Equatable {
    /// One comparison.
    public enum Condition: Sendable, Equatable {
        /// `column op value` with op one of `=`, `<>`, `<`, `<=`, `>`, `>=` (`!=` is read as `<>`).
        case compare(SQLIdentifier, String, SQLValue)
        /// `column in (value, ...)`.
        case oneOf(SQLIdentifier, [SQLValue])
        /// `column is null` or, when `negated`, `column is not null`.
        case isNull(SQLIdentifier, negated: Bool)
    }

    /// The comparisons, all of which must hold.
    public let conditions: [Condition]

    /// Parses a filter; the error quotes the text where reading stopped.
    public init(_ text: String) throws(OrderSourceError) {
        var parser = RowFilterParser(tokens: try RowFilterLexer.tokens(of: text))
        conditions = try parser.conditions()
    }

    /// The filter as SQL, with `placeholder(n)` for the n-th parameter (1-based) counted from `first`.
    func sql(firstParameter first: Int, placeholder: (Int) -> String) -> (text: String, values: [SQLValue]) {
        var values: [SQLValue] = []
        let text = sql { value in
            values.append(value)
            return placeholder(first + values.count - 1)
        }
        return (text, values)
    }

    /// The filter as SQL, each value written by `write` (a placeholder, or a safely escaped literal).
    func sql(writing write: (SQLValue) -> String) -> String {
        let parts = conditions.map { condition -> String in
            switch condition {
            case .compare(let column, let op, let value): return "\(column.quoted) \(op) \(write(value))"
            case .oneOf(let column, let list): return "\(column.quoted) IN (\(list.map(write).joined(separator: ", ")))"
            case .isNull(let column, let negated): return "\(column.quoted) IS \(negated ? "NOT " : "")NULL"
            }
        }
        return parts.map { "(\($0))" }.joined(separator: " AND ")
    }
}
