import Forecasting
import LuaBridge
import SaleData

/// `forecast.warning(grouped, gfc [, {k = 15, target = 2e6, targets = {DE = 5e5}}])`: the early
/// warning of the total and of every group of a grouped read against a grouped forecast
/// (`forecast.run` on a grouped read), the groups most behind first: "which market is behind?".
enum GroupForecastWarning {
    /// A series of the live read, its forecast (as Lua holds it) and its name.
    private struct Node {
        let name: String
        let live: Series
        let forecast: ForecastObject
    }

    static func check(_ call: LuaCall) throws -> Int32 {
        guard call.type(at: 2) == .table else {
            throw LuaError.typeMismatch(position: 2, expected: "grouped forecast", got: call.typeName(at: 2))
        }
        let options = try LuaOptions(call, at: 3)
        try options.allow(["k", "target", "targets"])
        let k = try options.integer("k", default: 15)
        let target = try options.number("target")
        if let target, !target.isFinite { throw options.error("target", "must be a finite number") }
        let targets = try options.with("targets") { (index) throws(LuaError) in try self.targets(call, at: index, options) }
        let total = try node(call, name: GroupStandings.totalName)
        var groups: [Node] = []
        for name in try groupNames(call) {
            groups.append(try node(call, name: name))
        }
        if let unknown = targets.keys.sorted().first(where: { name in !groups.contains { $0.name == name } }) {
            throw options.error("targets", "names no group of the read: '\(unknown)'")
        }
        let standings = try ForecastLuaErrors.run(call, options: options) { () throws(ForecastError) in
            try GroupStandings.measure(total: total.live, forecast: total.forecast.forecast,
                                       groups: groups.map { ($0.name, $0.live, $0.forecast.forecast) },
                                       consecutive: k, target: target, targets: targets)
        }
        push(standings, total: total, groups: groups, target: target, targets: targets, call)
        return 1
    }

    /// The groups' names of the grouped read (argument 1), in its order.
    private static func groupNames(_ call: LuaCall) throws(LuaError) -> [String] {
        call.rawField(1, "groups")
        defer { call.pop() }  // pop the groups
        let list = call.count
        var names: [String] = []
        for position in stride(from: 1, through: call.length(list), by: 1) {
            call.rawIndex(list, position)
            defer { call.pop() }  // pop the group
            guard call.type(at: -1) == .table, call.rawField(call.count, "name") == .string, let name = try? call.string(-1) else {
                if call.type(at: -1) == .table { call.pop() }  // pop the name
                throw LuaError.argument(position: 1, message: "groups[\(position)]: a group with a name expected")
            }
            call.pop()  // pop the name
            names.append(name)
        }
        guard !names.isEmpty else { throw LuaError.argument(position: 1, message: "groups: at least one group expected") }
        return names
    }

    /// The live revenue of `name` (the read's `revenue`, or its group's) and its Forecast in the grouped
    /// forecast (`gfc.total`, or `gfc.groups[name]`); the two must be on the same rows.
    private static func node(_ call: LuaCall, name: String) throws(LuaError) -> Node {
        let group = name == GroupStandings.totalName ? nil : name
        let forecast = try forecastObject(call, group: group)
        let live = try liveRevenue(call, group: group)
        guard live.start == forecast.revenue.start, live.step == forecast.revenue.step else {
            throw LuaError.argument(position: 1, message: "\(group.map { "groups.\($0).revenue" } ?? "revenue") starts at"
                + " \(live.label(at: 0)) every \(live.step) minutes, its forecast's series at \(forecast.revenue.label(at: 0))"
                + " every \(forecast.revenue.step)")
        }
        return Node(name: name, live: live, forecast: forecast)
    }

    /// `gfc.total`, or `gfc.groups[group]`.
    private static func forecastObject(_ call: LuaCall, group: String?) throws(LuaError) -> ForecastObject {
        var pushed: Int32 = 1
        defer { call.pop(pushed) }  // pop what was read
        if let group {
            guard call.rawField(2, "groups") == .table else {
                throw LuaError.argument(position: 2, message: "groups: table expected, got \(call.typeName(at: -1))")
            }
            call.rawField(call.count, group)
            pushed = 2
        } else {
            call.rawField(2, "total")
        }
        guard let object = call.optionalObject(-1, as: ForecastObject.self) else {
            throw LuaError.argument(position: 2, message: "\(group.map { "groups.\($0)" } ?? "total"): Forecast expected,"
                + " got \(call.typeName(at: -1))")
        }
        return object
    }

    /// The read's `revenue`, or `groups[group].revenue`.
    private static func liveRevenue(_ call: LuaCall, group: String?) throws(LuaError) -> Series {
        var pushed: Int32 = 1
        defer { call.pop(pushed) }  // pop what was read
        if let group {
            call.rawField(1, "groups")  // a table: isGrouped said so
            call.rawField(call.count, group)
            pushed = 2
            guard call.type(at: -1) == .table else {
                throw LuaError.argument(position: 1, message: "groups.\(group): table expected, got \(call.typeName(at: -1))")
            }
            call.rawField(call.count, "revenue")
            pushed = 3
        } else {
            call.rawField(1, "revenue")
        }
        guard let object = call.optionalObject(-1, as: SeriesObject.self) else {
            throw LuaError.argument(position: 1, message: "\(group.map { "groups.\($0).revenue" } ?? "revenue"): Series expected,"
                + " got \(call.typeName(at: -1))")
        }
        return object.series
    }

    /// `targets = {DE = 5e5, ...}`: finite numbers by group name (none when nil).
    private static func targets(_ call: LuaCall, at index: Int32, _ options: LuaOptions) throws(LuaError) -> [String: Double] {
        if call.isNoneOrNil(index) { return [:] }
        guard call.type(at: index) == .table else { throw options.error("targets", "table expected, got \(call.typeName(at: index))") }
        var targets: [String: Double] = [:]
        for (key, type) in call.stringKeyedFields(index) {
            call.rawField(index, key)
            defer { call.pop() }  // pop the value
            guard type == .number, let value = try? call.number(-1), value.isFinite else {
                throw options.error("targets", "'\(key)' must be a finite number, got \(call.typeName(at: -1))")
            }
            targets[key] = value
        }
        return targets
    }

    /// `{alert, message, summary, behind = {names}, total = verdict, groups = {verdicts, most behind first, and by
    /// name}}`; each verdict is `forecast.warning`'s plus `name`, `now`, `actual_now`, `expected_now`, `behind`
    /// (money short of the forecast now) and `behind_share` (of the gain expected since the cutoff).
    private static func push(_ standings: GroupStandings, total: Node, groups: [Node], target: Double?,
                             targets: [String: Double], _ call: LuaCall) {
        let nodes = Dictionary(groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let firstAlert = ([standings.total] + standings.groups).first { !$0.warnings.isEmpty }
        call.pushTable(fieldCapacity: 6) { table in
            table.set("alert", firstAlert != nil)
            if let firstAlert, let warning = firstAlert.warnings.first {
                let level = (nodes[firstAlert.name] ?? total).forecast.forecast.level
                table.set("message", "\(firstAlert.name): " + ForecastWarning.message(warning, level: level))
            }
            table.set("summary", standings.summary)
            table.set("behind") { $0.push(standings.behind.map(\.name)) }
            table.set("total") { push(standings.total, total, target: target, $0) }
            table.set("groups") { call in
                call.pushTable(arrayCapacity: standings.groups.count, fieldCapacity: standings.groups.count) { list in
                    for (offset, standing) in standings.groups.enumerated() {
                        guard let node = nodes[standing.name] else { continue }
                        list.set(offset + 1) { push(standing, node, target: targets[standing.name], $0) }
                        list.set(standing.name) { _ = $0.rawIndex(-2, offset + 1) }  // the same verdict, by name
                    }
                }
            }
        }
    }

    private static func push(_ standing: GroupStanding, _ node: Node, target: Double?, _ call: LuaCall) {
        ForecastWarning.push(standing.warnings, live: node.live, object: node.forecast, target: target, call) { table in
            table.set("name", standing.name)
            table.set("now", standing.label)
            table.set("actual_now", standing.actual)
            table.set("expected_now", standing.expected)
            table.set("behind", standing.behind)
            table.set("behind_share", standing.behindShare)
        }
    }
}
