import Forecasting
import LuaBridge
import SaleData
import Scenarios

extension ForecastRunOptions {
    /// Option `events` of `forecast.run`: per-minute multipliers after the cutoff, or a list of
    /// Events (`scenario.email{...}`), whose factors over the horizon become those multipliers. As
    /// in `EventForecaster`, events starting by the cutoff are left to the model, which saw them.
    static func knownEvents(_ table: LuaOptions, _ call: LuaCall, revenue: Series, options: ForecastOptions)
        throws(LuaError) -> [Double]?
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
        guard let events else { return try series(table, "events", call, zone: revenue.zone)?.values }
        let cutoff = options.cutoff ?? revenue.count - 1
        guard cutoff >= 0 else { return nil }
        let cutoffMinute = revenue.minute(at: cutoff)
        let resolved = events.map { $0.resolved(after: cutoffMinute, zone: revenue.zone) }.filter { $0.firstMinute > cutoffMinute }
        return (1...Swift.max(options.horizon, 1)).map { resolved.multiplier(at: revenue.minute(at: cutoff + $0)) }
    }
}
