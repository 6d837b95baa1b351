import LuaBridge
import SaleData
import Scenarios

/// What a what-if applies its events to: a baseline forecast, its cutoff minute and zone, and the
/// actual cumulative revenue before it (for charts).
struct ScenarioBase {
    let baseline: Baseline
    /// The last observed minute; clock times such as '14:00' are read after it.
    let cutoffMinute: Int
    let zone: ShopZone
    /// Actual cumulative revenue up to the cutoff, if known.
    let actual: Series?
}

/// A userdata a what-if can start from (a Forecast): conform and list the type in `ScenarioBases.types`.
protocol ScenarioBaseSource: LuaObject {
    var scenarioBase: ScenarioBase { get }
}

/// The userdata types a what-if takes besides a table.
enum ScenarioBases {
    static let types: [any ScenarioBaseSource.Type] = [ForecastObject.self]
}

extension LuaCall {
    /// The forecast at `index`: a registered object (a Forecast), or a table
    /// `{observed = number, mean = Series [, lower = Series, upper = Series, level = 0.8]}` of
    /// cumulative values for the minutes after the cutoff (`level`: what the band is meant to hold).
    func scenarioBase(_ index: Int32) throws(LuaError) -> ScenarioBase {
        for type in ScenarioBases.types {
            if let object = optionalObject(index, as: type) { return object.scenarioBase }
        }
        guard self.type(at: index) == .table else {
            let got = self.type(at: index) == .none ? "no value" : typeName(at: index)
            throw .typeMismatch(position: index, expected: "Forecast", got: got)
        }
        let table = try LuaOptions(self, at: index)
        try table.allow(["observed", "mean", "lower", "upper", "level"])
        guard let observed = try table.number("observed"), observed.isFinite else {
            throw table.error("observed", "must be a number (revenue up to the cutoff)")
        }
        let series = { (key: String) throws(LuaError) -> Series? in
            try table.with(key) { (top) throws(LuaError) -> Series? in
                if self.isNoneOrNil(top) { return nil }
                guard let object = self.optionalObject(top, as: SeriesObject.self) else {
                    throw table.error(key, "Series expected, got \(self.typeName(at: top))")
                }
                return object.series
            }
        }
        guard let mean = try series("mean"), mean.count > 0 else { throw table.error("mean", "must be a Series of at least one value") }
        let lower = try series("lower"), upper = try series("upper")
        for (key, bound) in [("lower", lower), ("upper", upper)] where bound.map({ $0.count != mean.count }) ?? false {
            throw table.error(key, "must have as many values as mean (\(mean.count))")
        }
        guard mean.values.allSatisfy(\.isFinite) else { throw table.error("mean", "must hold finite numbers") }
        let level = try table.number("level", default: 0.8)
        guard level > 0, level < 1 else { throw table.error("level", "must be between 0 and 1 (0.8 for 80%), got \(level)") }
        return ScenarioBase(baseline: Baseline(observed: observed, cumulativeMean: mean, lower: lower, upper: upper, level: level),
                            cutoffMinute: mean.start - mean.step, zone: mean.zone, actual: nil)
    }
}
