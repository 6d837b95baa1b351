import Forecasting
import LuaBridge
import SaleData
import Scenarios

extension ForecastRunOptions {
    /// Option `events` of `forecast.run`: per-minute multipliers after the
    /// cutoff, or a list of Events (`scenario.email{...}`), whose factors over the horizon (those of
    /// events starting after the cutoff) become those multipliers.
    static func knownEvents(_ table: LuaOptions, _ call: LuaCall, revenue: Series, options: ForecastOptions)
        throws(LuaError) -> [Double]?
    {
        guard let resolved = try plannedEvents(table, call, revenue: revenue, options: options) else {
            return try series(table, "events", call, zone: revenue.zone)?.values
        }
        let cutoff = options.cutoff ?? revenue.count - 1
        let cutoffMinute = revenue.minute(at: cutoff)
        let future = resolved.filter { $0.firstMinute > cutoffMinute }
        return (1...Swift.max(options.horizon, 1)).map { future.multiplier(at: revenue.minute(at: cutoff + $0)) }
    }

    /// Option `events` when it lists Events: each resolved to epoch minutes (a time of day to its
    /// first occurrence after the cutoff); nil when the option is absent or holds numbers.
    static func plannedEvents(_ table: LuaOptions, _ call: LuaCall, revenue: Series, options: ForecastOptions)
        throws(LuaError) -> [ScenarioEvent]?
    {
        let events = try table.with("events") { (index) throws(LuaError) -> [EventObject]? in
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
        let cutoff = options.cutoff ?? revenue.count - 1
        guard let events, cutoff >= 0 else { return nil }
        let cutoffMinute = revenue.minute(at: cutoff)
        return events.map { $0.resolved(after: cutoffMinute, zone: revenue.zone) }
    }
}
