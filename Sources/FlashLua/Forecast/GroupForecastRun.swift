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

    /// The options `forecast.backtest` takes on a grouped read.
    static let backtestKeys = ForecastRunOptions.backtestKeys.union(["reconciliation", "origins"])

    /// A grouped read and the options to forecast it with, as read from the call.
    private struct Input {
        let total: Series
        let groups: [GroupSeries]
        let options: GroupForecastOptions
        let table: LuaOptions
    }

    static func run(_ call: LuaCall) throws -> Int32 {
        let input = try read(call, keys: keys)
        let groups = input.groups, options = input.options
        try call.reserveMemory(WorkMemory.forecast(options.forecast, revenue: input.total) * Double(groups.count + 2),
                               for: "forecast.run of \(groups.count) groups")
        let result = try ForecastLuaErrors.run(call, options: input.table) { () throws(ForecastError) in
            try GroupForecaster.forecast(total: input.total, groups: groups, options: options)
        }
        call.push(result, total: input.total, groups: groups, train: options.forecast.train)
        return 1
    }

    /// `forecast.backtest` on a grouped read: `{total, direct, groups, reconciliations, summary}`, Backtests
    /// of the reconciled total, the total forecast directly and each group (in order and by name), and the
    /// method each cutoff used.
    static func backtest(_ call: LuaCall) throws -> Int32 {
        let input = try read(call, keys: backtestKeys, train: 500, horizon: 200)
        let groups = input.groups, options = input.options
        let step = try input.table.integer("step", default: ForecastOptions.wholeRows(200, step: input.total.step))
        try call.reserveMemory(WorkMemory.backtest(options.forecast, revenue: input.total, step: step) * Double(groups.count + 2),
                               for: "forecast.backtest of \(groups.count) groups")
        let result = try ForecastLuaErrors.run(call, options: input.table) { () throws(ForecastError) in
            try GroupBacktester.backtest(total: input.total, groups: groups, train: options.forecast.train,
                                         horizon: options.forecast.horizon, step: step, options: options)
        }
        let train = options.forecast.train
        call.pushTable(fieldCapacity: 5) { fields in
            fields.set("total") { $0.push(BacktestObject(result.total, revenue: input.total, train: train, step: step)) }
            fields.set("direct") { $0.push(BacktestObject(result.direct, revenue: input.total, train: train, step: step)) }
            fields.set("groups") { call in
                call.pushTable(arrayCapacity: groups.count, fieldCapacity: groups.count) { list in
                    for (offset, (group, named)) in zip(groups, result.groups).enumerated() {
                        list.set(offset + 1) { $0.push(BacktestObject(named.backtest, revenue: group.revenue, train: train, step: step)) }
                        list.set(named.name) { _ = $0.rawIndex(-2, offset + 1) }  // the same Backtest, by name
                    }
                }
            }
            fields.set("reconciliations") { $0.push(result.reconciliations.map(\.rawValue)) }
            fields.set("summary", result.summary)
        }
        return 1
    }

    /// The grouped read (argument 1) and the options (argument 2): `keys` allowed, `history` a Series or an
    /// earlier grouped read (each group gets its own), `reconciliation` and `origins`.
    private static func read(_ call: LuaCall, keys: Set<String>, train: Int = 1000, horizon: Int = 500) throws -> Input {
        let fail = { (message: String) in LuaError.argument(position: 1, message: message) }
        let total = try revenue(call, at: 1, fail)
        let groups = try groupSeries(call, at: 1, fail)
        let table = try LuaOptions(call, at: 2)
        try table.allow(keys)
        let groupedHistory = try table.with("history") { isGrouped(call, at: $0) }
        var options = GroupForecastOptions(forecast: try ForecastRunOptions.read(
            table, call, revenue: total, train: train, horizon: horizon, readHistory: !groupedHistory))
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
        return Input(total: total, groups: withHistories, options: options, table: table)
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
