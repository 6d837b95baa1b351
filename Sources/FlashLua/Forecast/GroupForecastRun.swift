import Forecasting
import LuaBridge
import SaleData

/// `forecast.run(grouped, options)`: a total and its groups (what `orders.read{by=...}` returns)
/// forecast together and reconciled (`GroupForecaster`).
enum GroupForecastRun {
    /// The options `forecast.run` takes on a grouped read: its own (but `events`, which belong to one
    /// series), `reconciliation` and `origins`.
    static let keys = ForecastRunOptions.runKeys.subtracting(["events"]).union(["reconciliation", "origins"])

    /// Whether the value at `index` is a grouped read: a table with a `groups` table.
    static func isGrouped(_ call: LuaCall, at index: Int32) -> Bool {
        guard call.type(at: index) == .table else { return false }
        defer { call.pop() }  // pop the field
        return call.rawField(index, "groups") == .table
    }

    static func run(_ call: LuaCall) throws -> Int32 {
        let fail = { (message: String) in LuaError.argument(position: 1, message: message) }
        let total = try revenue(call, at: 1, fail)
        let groups = try groupSeries(call, at: 1, fail)
        let table = try LuaOptions(call, at: 2)
        try table.allow(keys)
        let groupedHistory = try table.with("history") { isGrouped(call, at: $0) }
        var options = GroupForecastOptions(
            forecast: try ForecastRunOptions.read(table, call, revenue: total, readHistory: !groupedHistory))
        var histories: [String: Series] = [:]
        if groupedHistory {
            try table.with("history") { (index) throws(LuaError) in
                let fail = { (message: String) in table.error("history", message) }
                options.forecast.history = try revenue(call, at: index, fail)
                for group in try groupSeries(call, at: index, fail) { histories[group.name] = group.revenue }
            }
        }
        if table.has("reconciliation") {
            let names = Reconciliation.allCases.map(\.rawValue)
            options.reconciliation = Reconciliation(rawValue: try table.choice("reconciliation", names, default: names[0]))
        }
        options.origins = try table.integer("origins", atLeast: 1, default: options.origins)
        let withHistories = groups.map { GroupSeries(name: $0.name, revenue: $0.revenue, history: histories[$0.name]) }
        try call.reserveMemory(WorkMemory.forecast(options.forecast, revenue: total) * Double(groups.count + 2),
                               for: "forecast.run of \(groups.count) groups")
        let result = try ForecastLuaErrors.run(call, options: table) { () throws(ForecastError) in
            try GroupForecaster.forecast(total: total, groups: withHistories, options: options)
        }
        call.push(result, total: total, groups: withHistories, train: options.forecast.train)
        return 1
    }

    /// The `revenue` Series of the grouped read at `index`.
    private static func revenue(_ call: LuaCall, at index: Int32, _ fail: (String) -> LuaError) throws(LuaError) -> Series {
        defer { call.pop() }  // pop the revenue
        call.rawField(index, "revenue")
        guard let object = call.optionalObject(-1, as: SeriesObject.self) else {
            throw fail("revenue: Series expected, got \(call.typeName(at: -1))")
        }
        return object.series
    }

    /// Each group's name and revenue, from the `groups` sequence of the grouped read at `index`.
    private static func groupSeries(_ call: LuaCall, at index: Int32, _ fail: (String) -> LuaError) throws(LuaError)
        -> [GroupSeries] {
        call.rawField(index, "groups")
        defer { call.pop() }  // pop the groups
        let list = call.count
        var groups: [GroupSeries] = []
        for position in 1...max(call.length(list), 1) where call.length(list) > 0 {
            call.rawIndex(list, position)
            defer { call.pop() }  // pop the group
            let group = call.count
            guard call.type(at: group) == .table else { throw fail("groups[\(position)]: table expected, got \(call.typeName(at: group))") }
            call.rawField(group, "name")
            defer { call.pop() }  // pop the name
            guard call.type(at: -1) == .string, let name = try? call.string(-1) else {
                throw fail("groups[\(position)].name: string expected, got \(call.typeName(at: -1))")
            }
            groups.append(GroupSeries(name: name, revenue: try revenue(call, at: group) { fail("groups[\(position)].\($0)") }))
        }
        guard !groups.isEmpty else { throw fail("groups: at least one group expected") }
        return groups
    }
}
