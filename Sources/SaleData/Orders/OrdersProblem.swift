/// What is wrong with a row (or the header) of an orders file.
///
/// `reason` is the kind, used to count skipped rows in lenient mode; `message` adds the value.
enum OrdersProblem: Error, Equatable {
    case noColumn(String, role: String)
    case emptyFile
    case fieldCount(got: Int, expected: Int)
    case missing(String)
    case badTime(String)
    case badAmount(String)
    case negativeAmount(String)
    case tooLargeAmount(String)
    case unknownCurrency(String)
    case unclosedQuote
    case textAfterQuote
    case ambiguousAmount(String)
    case otherDecimal(String, DecimalMark, line: Int)
    case ambiguousDate(String)
    case otherDateOrder(String, DateOrder, line: Int)
    case tooManyGroups(String, limit: Int, by: String)

    /// The kind of problem, without the offending value.
    var reason: String {
        switch self {
        case .noColumn(_, let role): return "no column for \(role)"
        case .emptyFile: return "empty file"
        case .fieldCount: return "wrong number of fields"
        case .missing(let role): return "\(role) is missing"
        case .badTime: return "order time is not a timestamp"
        case .badAmount: return "amount is not a number"
        case .negativeAmount: return "amount is negative"
        case .tooLargeAmount: return "amount is too large"
        case .unknownCurrency: return "unknown currency"
        case .unclosedQuote: return "quoted field is not closed"
        case .textAfterQuote: return "text after a closing quote"
        case .ambiguousAmount, .otherDecimal: return "decimal mark unknown"
        case .ambiguousDate, .otherDateOrder: return "date order unknown"
        case .tooManyGroups: return "too many groups"
        }
    }

    /// The full message, with the offending value quoted.
    var message: String {
        switch self {
        case .noColumn(let names, _): return "\(reason): expected '\(names)'"
        case .emptyFile: return "empty file, expected a header row"
        case .fieldCount(let got, let expected): return "row has \(got) fields, header has \(expected)"
        case .badTime(let value), .badAmount(let value), .negativeAmount(let value),
             .tooLargeAmount(let value):
            return "\(reason): '\(value)'"
        case .unknownCurrency(let value): return "unknown currency '\(value)'"
        case .missing, .unclosedQuote, .textAfterQuote: return reason
        case .ambiguousAmount(let value):
            let decimal = String(value.map { $0 == "," ? "." : $0 }), whole = value.filter { $0 != "." && $0 != "," }
            return "amount '\(value)' may be \(decimal) or \(whole):"
                + " set the option decimal to '.' or ','"
        case .otherDecimal(let value, let mark, let line):
            return "amount '\(value)' has a decimal \(mark.name), line \(line) a decimal \(mark.other.name):"
                + " set the option decimal to '.' or ','"
        case .ambiguousDate(let value):
            return "order time '\(value)' may be day-first or month-first: set the option dates to 'dmy' or 'mdy'"
        case .otherDateOrder(let value, let order, let line):
            return "order time '\(value)' is \(order.name), line \(line) \(order.other.name):"
                + " set the option dates to 'dmy' or 'mdy'"
        case .tooManyGroups(let value, let limit, let by):
            return "group '\(value)' is one more than the \(limit) groups allowed by \(by):"
                + " raise the limit (max_groups; --max-groups on the command line) or group by a coarser key"
        }
    }
}

/// An orders file that cannot be read, located as `file:line:column: reason`.
public struct OrdersError: Error, Equatable, CustomStringConvertible {
    /// File name, 1-based line and 1-based column (field number) of the problem.
    public let file: String, line: Int, column: Int
    /// The reason, lowercase with the offending value quoted.
    public let reason: String

    /// `orders.csv:1734:4: amount is not a number: '12,5'`.
    public var description: String { "\(file):\(line):\(column): \(reason)" }
}

/// An orders file that cannot be opened or read at all.
public struct OrdersFileError: Error, Equatable, CustomStringConvertible {
    /// The message, e.g. `cannot open 'orders.csv'`.
    public let description: String
}
