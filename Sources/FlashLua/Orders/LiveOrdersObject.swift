import LuaBridge
import SaleData

/// `orders.live(path)`: an export that grows during a sale, re-read from where the last refresh stopped.
final class LiveOrdersObject: LuaObject {
    static let luaTypeName = "LiveOrders"
    let live: LiveOrders
    /// Minutes in the table at the last refresh.
    var minutes = 0
    /// Orders read by the last refresh.
    var orders = 0

    init(_ live: LiveOrders) {
        self.live = live
    }

    /// What the reader keeps per minute and per order read (ids and customers, for duplicates).
    var memoryFootprint: Int { Footprint.small + minutes * Footprint.perMinute + orders * Footprint.perOrder }

    static let luaClass = LuaClass<LiveOrdersObject>(
        summary: "A growing orders export during a sale; live.path, live.offset (bytes read so far).",
        methods: [
            LuaMethod(
                "refresh", "live:refresh() -> result, new_minutes | nil, message",
                """
                Reads the rows appended since the last refresh (a last line still being written waits for \
                the next) and returns the result of all rows so far, as orders.read does, and how many \
                minutes the series grew by. A bad row (strict) returns nil, message; the next refresh retries it.
                """, returns: "OrdersResult"
            ) { call, object in
                let result: OrdersResult
                do { result = try object.live.refresh() } catch { return call.failure(String(describing: error)) }
                let added = max(0, result.table.count - object.minutes)
                object.minutes = result.table.count
                object.orders = result.report.orders
                call.push(result)
                call.push(added)
                return 2
            },
        ],
        describe: { "LiveOrders('\($0.live.path)', \($0.live.offset) bytes read)" },
        fields: [
            "path": { call, object in call.push(object.live.path); return 1 },
            "offset": { call, object in call.push(object.live.offset); return 1 },
        ])
}
