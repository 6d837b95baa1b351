import Forecasting
import LuaBridge
import SaleData

extension LuaCall {
    /// Pushes a grouped forecast as `{total, direct, groups, reconciliation, choice, summary}`: the
    /// reconciled total and the total forecast directly (Forecasts), each group's reconciled Forecast in
    /// the groups' order and by name (`groups.DE == groups[2]`), the method's name, the back-test that
    /// chose it and a one-line summary.
    func push(_ result: GroupForecast, total: Series, groups: [GroupSeries], train: Int) {
        pushTable(fieldCapacity: 6) { fields in
            fields.set("total") { $0.push(ForecastObject(result.total, revenue: total, train: train)) }
            fields.set("direct") { $0.push(ForecastObject(result.direct, revenue: total, train: train)) }
            fields.set("groups") { call in
                call.pushTable(arrayCapacity: groups.count, fieldCapacity: groups.count) { list in
                    for (offset, (group, named)) in zip(groups, result.groups).enumerated() {
                        list.set(offset + 1) { $0.push(ForecastObject(named.forecast, revenue: group.revenue, train: train)) }
                        list.set(named.name) { _ = $0.rawIndex(-2, offset + 1) }  // the same Forecast, by name
                    }
                }
            }
            fields.set("reconciliation", result.reconciliation.rawValue)
            fields.set("choice") { $0.push(result.choice) }
            fields.set("summary", result.summary)
        }
    }

    /// Pushes the back-test's figures: `{origins = {rows, 1-based}, note, scores = {bottom_up =, wls =},
    /// total_errors = {...}, direct_total_error, total_coverage = {...}}`.
    private func push(_ choice: ReconciliationChoice) {
        let byMethod = { (values: [Reconciliation: Double]) in { (call: LuaCall) in
            call.pushTable(fieldCapacity: values.count) { table in
                for (method, value) in values { table.set(method.rawValue, value) }
            }
        } }
        pushTable(fieldCapacity: 6) { fields in
            fields.set("origins") { call in
                call.pushTable(arrayCapacity: choice.origins.count) { list in
                    for (offset, row) in choice.origins.enumerated() { list.set(offset + 1) { $0.push(row + 1) } }
                }
            }
            fields.set("note", choice.note)
            fields.set("scores", byMethod(choice.scores))
            fields.set("total_errors", byMethod(choice.totalErrors))
            if let direct = choice.directTotalError { fields.set("direct_total_error", direct) }
            fields.set("total_coverage", byMethod(choice.totalCoverage))
        }
    }
}

extension LuaCall {
    /// The Forecasts in sequence of a grouped forecast's `groups` table at `list`, each named by the key
    /// that holds it too (`groups.DE == groups[2]`); nil when an item is not a Forecast.
    func namedForecasts(_ list: Int32) -> [(name: String, object: ForecastObject)]? {
        let keys = stringKeys(list).sorted()
        var result: [(name: String, object: ForecastObject)] = []
        for position in stride(from: 1, through: length(list), by: 1) {
            rawIndex(list, position)
            defer { pop() }  // pop the item
            guard let object = optionalObject(-1, as: ForecastObject.self) else { return nil }
            let name = keys.first { key in
                rawField(list, key)
                defer { pop() }  // pop the value under key
                return rawEqual(-1, -2)
            } ?? "group \(position)"
            result.append((name, object))
        }
        return result
    }
}
