/// What splits a sale's orders into groups (markets, channels, categories): a column's value or a
/// function of the row. Every counted order joins exactly one group, so the groups add up to the total.
public struct OrderGrouping {
    /// Where a row's group comes from.
    public enum Key {
        /// The value of the column with this header name (compared without case, like the other columns).
        case column(String)
        /// A function of the row's fields; nil or an empty name is the group `OrderGrouping.none`.
        case function((OrderRow) throws -> String?)
    }

    /// The group of rows whose value is empty (or whose function returned nil).
    public static let none = "(none)"
    /// Default for `maxGroups`: enough for a shop's SKUs, few enough to catch grouping by an id.
    public static let defaultMaxGroups = 10_000
    /// Default for `maxCells`: groups times minutes held as dense tables (24 bytes each: 480 MB).
    public static let defaultMaxCells = 20_000_000

    /// Where each row's group comes from.
    public var key: Key
    /// Most distinct groups; the next one stops the read with an error naming its row.
    public var maxGroups = defaultMaxGroups
    /// Most group-minutes the dense per-group tables may hold (groups times the sale's minutes).
    public var maxCells = defaultMaxCells
    /// Zones of groups whose series are labelled in their own zone (a market's local clock).
    public var zones: [String: ShopZone] = [:]

    /// A grouping by `key` with the default limits.
    public init(_ key: Key) { self.key = key }

    /// How errors and reports name the grouping: `'country'` or `a function`.
    public var label: String {
        switch key {
        case .column(let name): return "'\(name)'"
        case .function: return "a function"
        }
    }
}

/// One data row's fields by header name, as a grouping function sees them.
public struct OrderRow {
    /// The header's names, in the file's order.
    public let names: [String]
    /// The row's fields as text (spaces trimmed, quotes removed), in the same order.
    public let values: [String]
    /// The file's name and the row's 1-based line, for messages (`orders.csv:17`).
    public let file: String, line: Int

    /// The field under a header name, or nil when the header has no such name.
    public subscript(name: String) -> String? {
        names.firstIndex(of: name).map { values[$0] }
    }
}
