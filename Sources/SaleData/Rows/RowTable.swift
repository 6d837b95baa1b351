/// Rows held by column, as `orders.rows` reads a CSV: each column holds numbers or text.
public struct RowTable: Sendable, Equatable {
    /// One column's values.
    public enum Column: Sendable, Equatable {
        /// Numbers; an empty field is NaN.
        case numbers([Double])
        /// Text, as read (quotes removed).
        case texts([String])

        /// Number of values.
        public var count: Int {
            switch self {
            case .numbers(let values): values.count
            case .texts(let values): values.count
            }
        }

        /// The values at `indices`, in that order.
        func taking(_ indices: [Int]) -> Column {
            switch self {
            case .numbers(let values): .numbers(indices.map { values[$0] })
            case .texts(let values): .texts(indices.map { values[$0] })
            }
        }
    }

    /// Column names, in order.
    public private(set) var names: [String]
    /// The columns, as `names` orders them.
    public private(set) var columns: [Column]

    /// A table of equally long columns with distinct names.
    public init(names: [String], columns: [Column]) throws(RowTableError) {
        guard names.count == columns.count else { throw RowTableError("\(names.count) names for \(columns.count) columns") }
        guard Set(names).count == names.count else { throw RowTableError("column names repeat") }
        guard Set(columns.map(\.count)).count <= 1 else { throw RowTableError("columns differ in length") }
        self.names = names
        self.columns = columns
    }

    /// Number of rows.
    public var count: Int { columns.first?.count ?? 0 }

    /// The column named `name`.
    public func column(_ name: String) throws(RowTableError) -> Column {
        guard let index = names.firstIndex(of: name) else {
            throw RowTableError("no column '\(name)' (columns: \(names.joined(separator: ", ")))")
        }
        return columns[index]
    }

    /// The rows at `indices`, in that order.
    public func taking(_ indices: [Int]) -> RowTable {
        var table = self
        table.columns = columns.map { $0.taking(indices) }
        return table
    }
}

/// Misuse of a row table; the text reads like a Lua error.
public struct RowTableError: Error, Equatable, CustomStringConvertible {
    /// The message, lowercase without a trailing period.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
