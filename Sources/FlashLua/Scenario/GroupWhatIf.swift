import LuaBridge
import Scenarios

/// `forecast.whatif(gfc, scenarios [, {by=, target=, groups={names}}])` on a grouped forecast: every
/// scenario tried on each group's forecast (or only on the groups named) and, adding up, on the total.
enum GroupWhatIf {
    /// Whether argument 1 is a grouped forecast: a table whose `total` is a Forecast.
    static func isGroupedForecast(_ call: LuaCall) -> Bool {
        guard call.type(at: 1) == .table else { return false }
        call.rawField(1, "total")
        defer { call.pop() }  // pop the total
        return call.optionalObject(-1, as: ForecastObject.self) != nil
    }

    static func run(_ call: LuaCall) throws -> Int32 {
        call.rawField(1, "total")
        let total = try call.object(call.count, as: ForecastObject.self)
        call.pop()  // pop the total
        guard call.rawField(1, "groups") == .table, let groups = call.namedForecasts(call.count), !groups.isEmpty else {
            call.pop()  // pop the groups
            throw LuaError.argument(position: 1, message: "groups: Forecasts expected (forecast.run on a grouped read)")
        }
        call.pop()  // pop the groups
        let base = total.scenarioBase
        try call.table(2)
        let scenarios = try ScenarioWhatIf.readScenarios(call, at: 2, base: base)
        try call.reserveMemory(WorkMemory.whatIf(scenarios: scenarios.count, rows: base.baseline.rate.count) * Double(groups.count + 1),
                               for: "forecast.whatif of \(scenarios.count) scenarios on \(groups.count) groups")
        let options = try LuaOptions(call, at: 3)
        try options.allow(["by", "target", "groups"])
        let by = try options.eventTime("by", call: call).map { $0.minute(after: base.cutoffMinute, zone: base.zone) }
        let target = try options.number("target")
        if let target, !target.isFinite { throw options.error("target", "must be a finite number, got \(target)") }
        let only = try options.with("groups") { (index) throws(LuaError) -> Set<String>? in
            if call.isNoneOrNil(index) { return nil }
            guard call.type(at: index) == .table else { throw options.error("groups", "table expected, got \(call.typeName(at: index))") }
            return Set(call.stringSequence(index))
        }
        if let unknown = only?.sorted().first(where: { name in !groups.contains { $0.name == name } }) {
            throw options.error("groups", "names no group of the forecast: '\(unknown)'")
        }
        let tried = GroupScenarioComparison(total: base.baseline, groups: groups.map { ($0.name, $0.object.scenarioBase.baseline) },
                                            scenarios: scenarios.map(\.scenario), only: only, by: by, target: target)
        let markers = scenarios.flatMap(\.markers)
        call.pushTable(fieldCapacity: 2) { fields in
            fields.set("total") { $0.push(WhatIfObject(tried.total, base: base, markers: markers)) }
            fields.set("groups") { call in
                call.pushTable(arrayCapacity: groups.count, fieldCapacity: groups.count) { list in
                    for (offset, (group, comparison)) in zip(groups, tried.groups).enumerated() {
                        list.set(offset + 1) { $0.push(WhatIfObject(comparison, base: group.object.scenarioBase, markers: markers)) }
                        list.set(group.name) { _ = $0.rawIndex(-2, offset + 1) }  // the same WhatIf, by name
                    }
                }
            }
        }
        return 1
    }
}
