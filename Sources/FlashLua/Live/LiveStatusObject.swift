import LuaBridge
import SaleReports

/// A `LiveStatus` as Lua holds it: `tostring(status)` is the status block, its fields the figures.
final class LiveStatusObject: LuaObject {
    static let luaTypeName = "LiveStatus"
    let status: LiveStatus

    init(_ status: LiveStatus) {
        self.status = status
    }

    /// A few figures and lines of text.
    var memoryFootprint: Int { Footprint.small + status.text.utf8.count }

    private typealias Field = @Sendable (LuaCall, LiveStatusObject) -> Int32

    private static func field(_ value: @escaping @Sendable (LiveStatus) -> Double?) -> Field {
        { call, object in call.push(value(object.status)); return 1 }
    }

    private static func count(_ value: @escaping @Sendable (LiveStatus) -> Int?) -> Field {
        { call, object in
            if let number = value(object.status) { call.push(number) } else { call.pushNil() }
            return 1
        }
    }

    private static func text(_ value: @escaping @Sendable (LiveStatus) -> String?) -> Field {
        { call, object in call.push(value(object.status)); return 1 }
    }

    private static let fields: [String: Field] = [
        "now": text(\.now), "tz": text(\.zone), "alert": text(\.alert.state), "alert_text": text(\.alert.text),
        "model": text { $0.forecast?.model }, "forecast_note": text(\.forecastNote),
        "minute": count(\.minute), "minutes": count(\.minutes),
        "revenue": field(\.revenue), "new_orders": count(\.newOrders), "new_revenue": field(\.newRevenue),
        "new_minutes": count(\.newMinutes), "forecast": field { $0.forecast?.total },
        "lower": field { $0.forecast?.lower }, "upper": field { $0.forecast?.upper },
        "level": field { $0.forecast?.level }, "target": field(\.target), "pace": field(\.pace),
        "source_note": text(\.sourceNote), "stale": { call, object in call.push(object.status.stale); return 1 },
        "groups": text { $0.groups?.summary ?? $0.groupsNote },
        "behind": { call, object in
            if let groups = object.status.groups { call.push(groups.behind.map(\.name)) } else { call.pushNil() }
            return 1
        },
    ]

    static let luaClass = LuaClass<LiveStatusObject>(
        summary: """
            Where a followed sale stands (tostring gives the status block); fields now, tz, minute, minutes, \
            revenue, new_orders, new_revenue, new_minutes, forecast, lower, upper, level, model, forecast_note, \
            target, pace (revenue so far against the plan for this minute), alert ('ok', 'below_band', \
            'below_target'), alert_text, stale (true when the database could not be reached and the figures \
            are the last refresh's), source_note (a retried or lost connection, else nil); opened with by=, groups (one \
            line: the groups behind their forecast, most behind first) and behind (their names).
            """,
        methods: [],
        describe: { $0.status.text },
        fields: fields)
}
