import LuaBridge
import SaleData
import Scenarios

/// `scenario.learn(series, {at=...})`: a campaign's effect estimated from a past sale.
enum ScenarioLearning {
    static let learn = LuaLibraryFunction(
        "learn", "scenario.learn(revenue, {at=time [, before=180] [, after=240] [, rise=5] [, degree=3] [, level=0.9] [, reference=Series]}) -> Effect",
        """
        Estimates the lift and half-life of a campaign sent at `at` (a time in the series' zone, or \
        'HH:MM': the first such minute of the series) from per-minute revenue, against a baseline \
        without it: a polynomial of `degree` over `before` minutes before and `after` minutes from the \
        send (at least 30 and 20 rows: 450 and 300 minutes on 15-minute rows) (or `reference`, an expected revenue without the campaign, times a polynomial), fitted by \
        weighted least squares for each half-life; the best half-life wins. Intervals at `level` \
        (profile likelihood). `rise` (minutes to the peak) is assumed, not estimated.
        """
    ) { call in
        let revenue = try call.series(at: 1)
        try call.table(2)
        let table = try LuaOptions(call, at: 2)
        try table.allow(["at", "before", "after", "rise", "degree", "level", "reference"])
        let minute = try table.requiredEventTime("at", call: call).minute(after: revenue.start - 1, zone: revenue.zone)
        var options = EffectLearningOptions()
        options.minutesBefore = try table.integer("before", atLeast: 1, default: options.minutesBefore)
        options.minutesAfter = try table.integer("after", atLeast: 1, default: options.minutesAfter)
        options.riseMinutes = try table.number("rise") ?? options.riseMinutes
        guard options.riseMinutes.isFinite, options.riseMinutes >= 0 else {
            throw table.error("rise", "must be 0 or more minutes, got \(options.riseMinutes)")
        }
        options.baselineDegree = try table.integer("degree", atLeast: 0, default: options.baselineDegree)
        guard options.baselineDegree <= 4 else { throw table.error("degree", "must be at most 4, got \(options.baselineDegree)") }
        options.level = try table.number("level") ?? options.level
        guard options.level > 0, options.level < 1 else {
            throw table.error("level", "must be between 0 and 1 (0.9 for 90%), got \(options.level)")
        }
        options.reference = try table.with("reference") { (index) throws(LuaError) -> Series? in
            if call.isNoneOrNil(index) { return nil }
            guard let object = call.optionalObject(index, as: SeriesObject.self) else {
                throw table.error("reference", "Series expected, got \(call.typeName(at: index))")
            }
            return object.series
        }
        do throws(EffectLearningError) {
            let effect = try call.cancellable { () throws(EffectLearningError) in
                try EffectLearner.learn(revenue, sentAt: minute, options: options)
            }
            call.push(EffectObject(effect))
        } catch {
            throw LuaError.argument(position: 1, message: error.message)
        }
        return 1
    }
}
