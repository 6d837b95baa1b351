import Forecasting
import LuaBridge
import SaleData
import Scenarios

extension ForecastRunOptions {
    /// Option `events` of `forecast.run` as per-minute multipliers of the forecast after the cutoff;
    /// nil when absent or when it lists Events, which `plannedEvents` reads (`EventForecaster`
    /// applies them, past ones included).
    static func knownEvents(_ table: LuaOptions, _ call: LuaCall, revenue: Series, options: ForecastOptions)
        throws(LuaError) -> [Double]?
    {
        guard try eventObjects(table, call) == nil else { return nil }
        return try series(table, "events", call, zone: revenue.zone)?.values
    }

    /// Option `events` when it lists Events: each resolved to epoch minutes (a time of day to its
    /// first occurrence after the cutoff); nil when the option is absent or holds numbers.
    static func plannedEvents(_ table: LuaOptions, _ call: LuaCall, revenue: Series, options: ForecastOptions)
        throws(LuaError) -> [ScenarioEvent]?
    {
        let cutoff = options.cutoff ?? revenue.count - 1
        guard let events = try eventObjects(table, call), cutoff >= 0 else { return nil }
        let cutoffMinute = revenue.minute(at: cutoff)
        return events.map { $0.resolved(after: cutoffMinute, zone: revenue.zone) }
    }

    /// The Events listed in option `events`; nil when it is absent, empty or not a list of Events.
    private static func eventObjects(_ table: LuaOptions, _ call: LuaCall) throws(LuaError) -> [EventObject]? {
        try table.with("events") { (index) throws(LuaError) -> [EventObject]? in
            guard call.type(at: index) == .table, call.length(index) > 0 else { return nil }
            call.rawIndex(index, 1)
            defer { call.pop() }  // pop the first element
            guard call.optionalObject(call.count, as: EventObject.self) != nil else { return nil }
            return try (1...call.length(index)).map { (i) throws(LuaError) -> EventObject in
                call.rawIndex(index, i)
                defer { call.pop() }  // pop the event
                guard let event = call.optionalObject(call.count, as: EventObject.self) else {
                    throw table.error("events", "item \(i): Event expected, got \(call.typeName(at: call.count))")
                }
                return event
            }
        }
    }
}
