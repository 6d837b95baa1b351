import LuaBridge
import SaleData

/// The options `orders.read` and `orders.live` share, read into `OrdersReadOptions`.
enum OrdersOptions {
    static let keys: Set<String> = ["map", "tz", "currency", "rates", "strict", "delimiter", "from", "to", "customers",
                                    "decimal", "dates"]

    /// The reading options; `otherKeys` are further options the caller reads itself.
    static func read(_ options: LuaOptions, _ call: LuaCall, otherKeys: Set<String> = []) throws(LuaError)
        -> OrdersReadOptions
    {
        try options.allow(keys.union(otherKeys))
        var result = OrdersReadOptions()
        result.columns = try columns(options, call)
        result.zone = try options.zone()
        result.lenient = !(try options.boolean("strict", default: true))
        result.countCustomers = try options.boolean("customers", default: true)
        result.window = try window(options, call, zone: result.zone)
        result.rates = try rates(options, call)
        result.decimal = try choice("decimal", of: DecimalMark.self, options)
        result.dates = try choice("dates", of: DateOrder.self, options)
        if let text = try options.string("delimiter") {
            guard text.utf8.count == 1, let byte = text.utf8.first, byte != 34, byte != 10, byte != 13 else {
                throw options.error("delimiter", "must be one character other than a quote or line break, got '\(text)'")
            }
            result.delimiter = byte
        }
        return result
    }

    /// A string option naming one of an enumeration's raw values (`decimal=","`, `dates="dmy"`), or nil.
    static func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, of _: Choice.Type, _ options: LuaOptions)
        throws(LuaError) -> Choice? where Choice.RawValue == String {
        guard options.has(key) else { return nil }
        return Choice(rawValue: try options.choice(key, Choice.allCases.map(\.rawValue), default: ""))
    }

    /// `map={time="created_at", amount="total", ...}`: which header names hold each field.
    static func columns(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> OrderColumns {
        let roles = ["id", "time", "customer", "amount", "currency", "status"]
        let names = try options.with("map") { (table) throws(LuaError) -> [String: String] in
            if call.isNoneOrNil(table) { return [:] }
            guard call.type(at: table) == .table else {
                throw options.error("map", "must be a table, got \(call.typeName(at: table))")
            }
            var names: [String: String] = [:]
            for key in call.stringKeys(table).sorted() {
                guard roles.contains(key) else {
                    throw options.error("map", "has unknown field '\(key)' (fields: \(roles.joined(separator: ", ")))")
                }
                call.rawField(table, key)
                defer { call.pop() }  // pop the column name
                guard call.type(at: -1) == .string, let name = try? call.string(-1) else {
                    throw options.error("map", "field '\(key)' must be a column name, got \(call.typeName(at: -1))")
                }
                names[key] = name
            }
            return names
        }
        return OrderColumns(orderID: names["id"], time: names["time"], customer: names["customer"],
                            amount: names["amount"], currency: names["currency"], status: names["status"])
    }

    /// `from` and `to` (both included), given together, or nil for the first to the last order.
    static func window(_ options: LuaOptions, _ call: LuaCall, zone: ShopZone) throws(LuaError) -> ClosedRange<Int>? {
        let from = try options.minute("from", zone: zone, call: call)
        let to = try options.minute("to", zone: zone, call: call)
        switch (from, to) {
        case (nil, nil): return nil
        case (let from?, let to?):
            guard from <= to else { throw options.error("to", "must not be before 'from'") }
            return from...to
        case (nil, _): throw options.error("from", "is needed with 'to'")
        case (_, nil): throw options.error("to", "is needed with 'from'")
        }
    }

    /// `currency="USD", rates={EUR=1.08}`: amounts converted to the reporting currency.
    static func rates(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> CurrencyRates? {
        let reporting = try options.string("currency")
        let rates = try options.with("rates") { (table) throws(LuaError) -> [String: Double]? in
            if call.isNoneOrNil(table) { return nil }
            guard call.type(at: table) == .table else {
                throw options.error("rates", "must be a table, got \(call.typeName(at: table))")
            }
            var rates: [String: Double] = [:]
            for code in call.stringKeys(table).sorted() {
                call.rawField(table, code)
                defer { call.pop() }  // pop the rate
                guard call.type(at: -1) == .number, let rate = try? call.number(-1), rate > 0, rate.isFinite else {
                    throw options.error("rates", "rate of '\(code)' must be a positive number")
                }
                rates[code] = rate
            }
            return rates
        }
        guard let reporting else {
            if rates != nil { throw options.error("currency", "is needed with 'rates' (the reporting currency)") }
            return nil
        }
        return CurrencyRates(reporting: reporting, rates: rates ?? [:])
    }
}
