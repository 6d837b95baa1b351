import LuaBridge
import SaleData

/// `orders.aggregate(rows)`: orders given as Lua tables `{time=..., amount=..., id=..., customer=...}`.
enum OrderRows {
    /// Adds every row of the array at argument 1; a bad row raises `bad argument #1 (row 3: ...)`.
    static func add(_ call: LuaCall, columns: OrderColumns, zone: ShopZone, to aggregator: inout OrdersAggregator)
        throws(LuaError)
    {
        let rows = try call.table(1)
        let keys = (time: columns.time ?? "time", amount: columns.amount ?? "amount",
                    id: columns.orderID ?? "id", customer: columns.customer ?? "customer")
        for row in stride(from: 1, through: call.length(rows), by: 1) {
            if row % 4096 == 0 { try call.checkInterrupt() }
            func problem(_ text: String) -> LuaError { .argument(position: 1, message: "row \(row): \(text)") }
            let isTable = call.rawIndex(rows, row) == .table
            defer { call.pop() }  // pop the row
            guard isTable else { throw problem("table expected, got \(call.typeName(at: -1))") }
            call.rawField(-1, keys.time)
            let time = call.timeMinute(call.count, zone: zone)
            call.pop()  // pop the time
            let minute: Int
            switch time {
            case .success(let value): minute = value
            case .failure(let bad): throw problem("'\(keys.time)' must be a time, got \(bad.got)")
            }
            let cents = try amount(call, key: keys.amount, problem)
            aggregator.add(second: minute * 60, cents: cents, id: text(call, key: keys.id),
                           customer: text(call, key: keys.customer))
        }
    }

    /// The row's amount in cents: a number or numeric string, not negative.
    private static func amount(_ call: LuaCall, key: String, _ problem: (String) -> LuaError) throws(LuaError) -> Int64 {
        call.rawField(-1, key)
        defer { call.pop() }  // pop the amount
        guard let value = try? call.number(call.count) else {
            let got = call.type(at: -1) == .string ? "'\((try? call.string(-1)) ?? "")'" : call.typeName(at: -1)
            throw problem("'\(key)' must be a number, got \(got)")
        }
        guard value >= 0, value < 9e13 else { throw problem("'\(key)' must be between 0 and 9e13, got \(value)") }
        return Int64((value * 100).rounded())
    }

    /// The row's field as text (numbers as Lua writes them), or nil when absent.
    private static func text(_ call: LuaCall, key: String) -> String? {
        call.rawField(-1, key)
        defer { call.pop() }  // pop the field
        guard call.type(at: -1) == .string || call.type(at: -1) == .number else { return nil }
        return try? call.string(call.count)
    }
}
