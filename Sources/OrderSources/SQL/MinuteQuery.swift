import SaleData

/// What to aggregate per minute: which table and columns, which rows, which minutes, in which zone.
public struct MinuteQuery: Sendable, Equatable {
    /// The orders table (optionally `schema.table`).
    public let table: SQLIdentifier
    /// Column of the order time: a timestamp (with or without zone) or epoch seconds.
    public let time: SQLIdentifier
    /// Column of the order amount, in currency units.
    public let amount: SQLIdentifier
    /// Column of the customer, when distinct customers per minute are wanted.
    public let customer: SQLIdentifier?
    /// Column whose value groups the orders (`GROUP BY group, minute`), or nil for the total.
    public var group: SQLIdentifier?
    /// Amounts in several currencies converted order by order into one, or nil to sum them as they are.
    public var currency: CurrencyConversion?
    /// Rows to keep.
    public let filter: RowFilter
    /// Minutes (counted in UTC from the epoch, both included) of the table; nil for first to last order.
    public var window: ClosedRange<Int>?
    /// The shop's zone: minutes are cut in it, and times stored without a zone are read in it.
    public let zone: ShopZone

    /// Validates the names and parses the filter; the errors read like Lua's.
    public init(table: String, time: String, amount: String, customer: String? = nil, where filter: String? = nil,
                window: ClosedRange<Int>? = nil, zone: ShopZone = .utc, group: String? = nil,
                currency: CurrencyConversion? = nil) throws(OrderSourceError) {
        self.table = try SQLIdentifier(table, role: "table", qualified: true)
        self.time = try SQLIdentifier(time, role: "time column")
        self.amount = try SQLIdentifier(amount, role: "amount column")
        self.customer = try customer.map { name throws(OrderSourceError) in
            try SQLIdentifier(name, role: "customer column")
        }
        let named = [("time", self.time), ("amount", self.amount)] + (self.customer.map { [("customer", $0)] } ?? [])
        for (index, (role, column)) in named.enumerated() {
            if let (other, _) = named[..<index].first(where: { $0.1.description.lowercased() == column.description.lowercased() }) {
                throw OrderSourceError("column '\(column)' is given for both \(other) and \(role)")
            }
        }
        self.group = try group.map { name throws(OrderSourceError) in try SQLIdentifier(name, role: "group column") }
        self.filter = try RowFilter(filter ?? "")
        self.window = window
        self.zone = zone
        self.currency = currency
    }
}

extension MinuteQuery {
    /// Fields of each row the per-minute statement returns: minute, cents, orders, customers, then the
    /// group's name with a group column and a currency code the rates do not give with a conversion.
    var rowWidth: Int { 4 + (group == nil ? 0 : 1) + (currency == nil ? 0 : 1) }

    /// Throws when a row's last field names a currency code the conversion does not give.
    func checkCurrency(_ fields: [String?]) throws(OrderSourceError) {
        guard let currency, let code = fields.last ?? nil, !code.isEmpty else { return }
        throw currency.unknown(code, table: table)
    }
}
