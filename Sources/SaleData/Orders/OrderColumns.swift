/// Which header names hold each order field; nil means the default names.
///
/// Defaults: `order_id`, `order_time`, `customer` or `email`, `amount`, `currency`, `status`
/// (matched without regard to case). The time and amount columns must exist; a column mapped
/// explicitly must exist too; the others are used when present.
public struct OrderColumns: Sendable, Equatable {
    /// Column of the order id (duplicates are counted once).
    public var orderID: String?
    /// Column of the order time.
    public var time: String?
    /// Column of the customer (e-mail or id).
    public var customer: String?
    /// Column of the amount.
    public var amount: String?
    /// Column of the amount's currency code.
    public var currency: String?
    /// Column of the order status (cancelled and refunded orders are excluded).
    public var status: String?

    /// A mapping; every name left nil uses the defaults.
    public init(orderID: String? = nil, time: String? = nil, customer: String? = nil,
                amount: String? = nil, currency: String? = nil, status: String? = nil) {
        self.orderID = orderID
        self.time = time
        self.customer = customer
        self.amount = amount
        self.currency = currency
        self.status = status
    }
}

/// Field indices of the mapped columns in one file's header.
struct ColumnLayout: Sendable {
    let fieldCount: Int
    let orderID: Int?
    let time: Int
    let customer: Int?
    let amount: Int
    let currency: Int?
    let status: Int?

    /// Resolves a mapping against header names; the error names a missing column, a column whose
    /// name the header repeats, or one column given for two fields.
    init(header: [String], columns: OrderColumns, file: String) throws(OrdersError) {
        let names = header.map { $0.trimmingSpaces.lowercased() }
        var roles: [Int: String] = [:]
        func find(_ given: String?, _ defaults: [String], required: Bool, role: String) throws(OrdersError) -> Int? {
            let candidates = given.map { [$0.lowercased()] } ?? defaults
            guard let index = candidates.lazy.compactMap({ names.firstIndex(of: $0) }).first else {
                guard required || given != nil else { return nil }
                throw OrdersError(file: file, line: 1, column: 1,
                                  reason: OrdersProblem.noColumn(candidates.joined(separator: "' or '"), role: role).message)
            }
            if let again = names[(index + 1)...].firstIndex(of: names[index]) {
                throw OrdersError(file: file, line: 1, column: again + 1,
                                  reason: "column '\(header[index])' (\(role)) appears twice in the header, as fields"
                                    + " \(index + 1) and \(again + 1)")
            }
            if let other = roles[index] {
                throw OrdersError(file: file, line: 1, column: index + 1,
                                  reason: "column '\(header[index])' is given for both \(other) and \(role)")
            }
            roles[index] = role
            return index
        }
        fieldCount = header.count
        orderID = try find(columns.orderID, ["order_id"], required: false, role: "order id")
        time = try find(columns.time, ["order_time"], required: true, role: "order time") ?? 0
        customer = try find(columns.customer, ["customer", "email"], required: false, role: "customer")
        amount = try find(columns.amount, ["amount"], required: true, role: "amount") ?? 0
        currency = try find(columns.currency, ["currency"], required: false, role: "currency")
        status = try find(columns.status, ["status"], required: false, role: "status")
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
