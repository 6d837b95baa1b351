import SaleData

/// One minute as the database sums it.
public struct MinuteRow: Sendable, Equatable {
    /// Minute counted in UTC from the epoch.
    public var minute: Int
    /// Revenue in cents (each order rounded to cents first, as the CSV reader does).
    public var cents: Int64
    /// Orders counted.
    public var orders: Int
    /// Distinct customers (0 without a customer column).
    public var customers: Int
    /// The group's name in a grouped query (its value trimmed, `(none)` for NULL or empty), else nil.
    public var group: String?

    /// A row from its sums.
    public init(minute: Int, cents: Int64, orders: Int, customers: Int, group: String? = nil) {
        self.minute = minute
        self.cents = cents
        self.orders = orders
        self.customers = customers
        self.group = group
    }

    /// SQL of the group's name: the column as text, spaces trimmed, `(none)` for NULL or empty (as the
    /// CSV reader names rows with an empty field); `trim` is the dialect's trimming function.
    static func groupSQL(_ column: SQLIdentifier, text: String, trim: String) -> String {
        "COALESCE(NULLIF(\(trim)(\(text), ' '), ''), '\(OrderGrouping.none)')"
    }
}

extension MinuteRow {
    /// Rows sorted by group and minute, those of the same group and minute added up.
    static func merged(_ rows: [MinuteRow]) -> [MinuteRow] {
        var result: [MinuteRow] = []
        let sorted = rows.sorted { ($0.group ?? "", $0.minute) < ($1.group ?? "", $1.minute) }
        for row in sorted {
            if let last = result.last, last.minute == row.minute, last.group == row.group {
                result[result.count - 1].cents += row.cents
                result[result.count - 1].orders += row.orders
                result[result.count - 1].customers += row.customers
            } else {
                result.append(row)
            }
        }
        return result
    }
}
