import LuaBridge
import LuaShim
import SaleData
import Scenarios

/// `scenario.whatif` (also `forecast.whatif`) and `scenario.latest_send`.
enum ScenarioWhatIf {
    static let whatif = LuaLibraryFunction(
        "whatif", "scenario.whatif(fc, {scenario, ...} [, {by=time, target=money}]) -> WhatIf",
        """
        Applies each scenario to a forecast (a Forecast from forecast.run, or {observed=, mean=, lower=, \
        upper=} cumulative Series after the cutoff). A scenario is an Event or a list of Events with an \
        optional name ({e1, e2, name='both'}); their factors on the forecast rate multiply. Each scenario has \
        the forecast's bands (every level of forecast.run{level={0.5, 0.8, 0.95}}; a table's lower and \
        upper hold level=, default 0.8), joined with how uncertain each e-mail's effect is: learned \
        (scenario.learn) or assumed (a typical e-mail) effects widen them; lift= and half_life= given are \
        exact. A scenario with an e-mail starts from the forecast's bands calibrated on the sale with its \
        one-off bursts taken out (forecast.run makes them; the ordinary band keeps room for a campaign nobody \
        announced). by= adds the \
        totals and gains by that time ('18:00': the next 18:00 after the cutoff), target= says which \
        scenarios reach it by the end of the forecast. On a grouped forecast (forecast.run on a grouped read): \
        {total = WhatIf, groups = {WhatIf per group, in order and by name}}, every scenario tried on each \
        group's forecast (groups={'DE', ...}: only on those; times read on the shop's clock) and on the total \
        so that they add up: the total's rate is its baseline's plus every group's extra, its bands its \
        baseline's moved by that extra.
        """
    ) { call in
        if GroupWhatIf.isGroupedForecast(call) { return try GroupWhatIf.run(call) }
        let base = try call.scenarioBase(1)
        try call.table(2)
        let scenarios = try readScenarios(call, at: 2, base: base)
        try call.reserveMemory(WorkMemory.whatIf(scenarios: scenarios.count, rows: base.baseline.rate.count),
                               for: "scenario.whatif of \(scenarios.count) scenarios")
        let options = try LuaOptions(call, at: 3)
        try options.allow(["by", "target"])
        let by = try options.eventTime("by", call: call).map { $0.minute(after: base.cutoffMinute, zone: base.zone) }
        let target = try options.number("target")
        if let target, !target.isFinite { throw options.error("target", "must be a finite number, got \(target)") }
        let comparison = ScenarioComparison(baseline: base.baseline, scenarios: scenarios.map(\.scenario), by: by, target: target)
        call.push(WhatIfObject(comparison, base: base, markers: scenarios.flatMap(\.markers)))
        return 1
    }

    /// `forecast.whatif`: the same function, listed in the forecast library too.
    static let forecastWhatIf = LuaLibraryFunction(
        "whatif", "forecast.whatif(fc, {scenario, ...} [, {by=time, target=money}]) -> WhatIf",
        "The same as scenario.whatif: each scenario (an Event or a list of Events) applied to the forecast; see help('scenario.whatif')."
    ) { call in try whatif.body(call) }

    /// The scenarios of the list at `position`, with chart markers for their events.
    static func readScenarios(_ call: LuaCall, at position: Int32, base: ScenarioBase) throws(LuaError)
        -> [(scenario: Scenario, markers: [(minute: Int, label: String)])]
    {
        let count = call.length(position)
        guard count > 0 else { throw .argument(position: position, message: "at least one scenario expected") }
        var scenarios: [(Scenario, [(minute: Int, label: String)])] = []
        for item in 1...count {
            call.rawIndex(position, item)
            defer { call.pop() }  // pop the item
            let top = call.count
            let events: [EventObject]
            var name: String?
            if let event = call.optionalObject(top, as: EventObject.self) {
                events = [event]
            } else if call.type(at: top) == .table {
                events = try (0..<call.length(top)).map { (i) throws(LuaError) -> EventObject in
                    call.rawIndex(top, i + 1)
                    defer { call.pop() }  // pop the event
                    guard let event = call.optionalObject(call.count, as: EventObject.self) else {
                        throw .argument(position: position, message: "scenario \(item), item \(i + 1): Event expected, got \(call.typeName(at: call.count))")
                    }
                    return event
                }
                if call.rawField(top, "name") != .nil { name = try? call.string(call.count) }
                call.pop()  // pop the name
            } else {
                throw .argument(position: position, message: "scenario \(item): Event or list of Events expected, got \(call.typeName(at: top))")
            }
            let resolved = events.map { $0.resolved(after: base.cutoffMinute, zone: base.zone) }
            let label = name ?? (events.isEmpty ? "no events" : events.map { $0.name(zone: base.zone) }.joined(separator: " + "))
            let markers = zip(events, resolved).map { (minute: $1.firstMinute, label: $0.name(zone: base.zone)) }
            scenarios.append((Scenario(name: label, events: resolved), markers))
        }
        return scenarios
    }

    static let latestSend = LuaLibraryFunction(
        "latest_send", "scenario.latest_send(fc, {target=money [, by=time] [, lift=1, half_life=30, rise=5 | from=effect] [, with={events}]}) -> result",
        """
        The latest minute to send an e-mail (lift, half_life, rise as scenario.email, or from= a learned \
        Effect) so that revenue by `by` (default: the forecast's end) reaches target, with the events in \
        `with` also applied. Every minute is tried, so a busy hour earlier can beat a quiet one later. \
        result: status ('send_by', 'not_needed', 'unreachable'), time (the latest send, for send_by), \
        total (revenue it brings by then), best_time and best_total (when unreachable).
        """, returns: "LatestSend"
    ) { call in
        let base = try call.scenarioBase(1)
        try call.table(2)
        let options = try LuaOptions(call, at: 2)
        try options.allow(["target", "by", "lift", "half_life", "rise", "from", "with"])
        guard let target = try options.number("target"), target.isFinite else {
            throw options.error("target", "must be a number (money)")
        }
        let campaign = try ScenarioEvents.campaignEffect(options, call)
        let by = try options.eventTime("by", call: call).map { $0.minute(after: base.cutoffMinute, zone: base.zone) }
        let others = try options.with("with") { (top) throws(LuaError) -> [ScenarioEvent] in
            if call.isNoneOrNil(top) { return [] }
            guard call.type(at: top) == .table else { throw options.error("with", "table of Events expected, got \(call.typeName(at: top))") }
            return try (0..<call.length(top)).map { (i) throws(LuaError) -> ScenarioEvent in
                call.rawIndex(top, i + 1)
                defer { call.pop() }  // pop the event
                guard let event = call.optionalObject(call.count, as: EventObject.self) else {
                    throw options.error("with", "item \(i + 1): Event expected, got \(call.typeName(at: call.count))")
                }
                return event.resolved(after: base.cutoffMinute, zone: base.zone)
            }
        }
        let plan = base.baseline.latestSend(campaign, target: target, by: by, others: others)
        call.pushTable(fieldCapacity: 5) { table in
            switch plan {
            case .notNeeded(let total):
                table.set("status", "not_needed")
                table.set("total", total)
            case .sendBy(let minute, let total):
                table.set("status", "send_by")
                table.set("time", base.zone.label(minute: minute))
                table.set("total", total)
            case .unreachable(let minute, let total):
                table.set("status", "unreachable")
                table.set("best_time", base.zone.label(minute: minute))
                table.set("best_total", total)
            }
        }
        return 1
    }
}
