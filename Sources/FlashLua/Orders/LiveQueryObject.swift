#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LuaBridge
import OrderSources
import SaleData

/// `orders.live_query{...}`: a sale followed in its database, minute by minute.
final class LiveQueryObject: LuaObject {
    static let luaTypeName = "LiveQuery"
    let live: LiveOrderQuery
    /// The database, without its password.
    let url: String
    /// Minutes in the table at the last refresh.
    var minutes = 0
    /// The breakdown's name in results (`by`), when the sale is followed by groups.
    let by: String?

    init(_ live: LiveOrderQuery, url: String, by: String? = nil) {
        self.live = live
        self.url = url
        self.by = by
    }

    /// The per-minute tables asked so far: the total's and each group's.
    var memoryFootprint: Int { Footprint.small + minutes * Footprint.perMinute * (1 + live.groups.count) }

    static let luaClass = LuaClass<LiveQueryObject>(
        summary: "A sale followed in its database; q.url (without password), q.table.",
        methods: [
            LuaMethod(
                "refresh", "q:refresh() -> result, new_minutes | nil, message",
                """
                Asks the database for the minutes after the last complete one (the minute in progress is \
                asked again next time) and returns the results so far, as orders.query does, and how many \
                minutes the series grew by (with by=, the groups too). Lost connections are retried (reported on standard error); \
                when all retries fail, returns nil, message and the next refresh tries again.
                """, returns: "OrdersResult"
            ) { call, object in
                let table: MinuteTable
                do throws(OrderSourceError) {
                    table = try call.cancellable { () throws(OrderSourceError) in
                        try object.live.refresh { message in
                            var line = "flashcast: \(message)\n"
                            line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
                        }
                    }
                } catch {
                    try call.checkInterrupt()  // stopped (a timeout, Ctrl-C): raised, not returned
                    return call.failure(error.message)
                }
                let added = max(0, table.count - object.minutes)
                object.minutes = table.count
                call.push(table, source: object.url) { fields in
                    if let by = object.by { fields.setGroups(object.live.groups, by: by) }
                }
                call.push(added)
                return 2
            },
        ],
        describe: { "LiveQuery('\($0.url)', '\($0.live.query.table)', \($0.minutes) minutes)" },
        fields: [
            "url": { call, object in call.push(object.url); return 1 },
            "table": { call, object in call.push(object.live.query.table.description); return 1 },
        ])
}
