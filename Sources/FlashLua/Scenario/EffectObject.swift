import LuaBridge
import Scenarios

/// A learned campaign effect as Lua holds it (`scenario.learn`): read-only fields, and
/// `scenario.email{at=..., from=effect}` sends the same campaign again.
final class EffectObject: LuaObject {
    static let luaTypeName = "Effect"
    let effect: LearnedEffect

    init(_ effect: LearnedEffect) { self.effect = effect }

    /// A few figures.
    var memoryFootprint: Int { Footprint.small }
}

/// The `Effect` userdata: `e.lift`, `e.half_life`, `e.lift_low`... and `tostring(e)`.
enum EffectClass {
    static let fields: [String: @Sendable (LuaCall, EffectObject) -> Int32] = [
        "lift": { call, e in call.push(e.effect.lift); return 1 },
        "half_life": { call, e in call.push(e.effect.halfLife); return 1 },
        "rise": { call, e in call.push(e.effect.riseMinutes); return 1 },
        "lift_low": { call, e in call.push(e.effect.liftInterval.lowerBound); return 1 },
        "lift_high": { call, e in call.push(e.effect.liftInterval.upperBound); return 1 },
        "half_life_low": { call, e in call.push(e.effect.halfLifeInterval.lowerBound); return 1 },
        "half_life_high": { call, e in call.push(e.effect.halfLifeInterval.upperBound); return 1 },
        "level": { call, e in call.push(e.effect.level); return 1 },
        "baseline": { call, e in call.push(e.effect.baselineAtSend); return 1 },
        "extra": { call, e in call.push(e.effect.extraRevenue); return 1 },
    ]

    static let luaClass = LuaClass<EffectObject>(
        summary: """
            A campaign effect learned from a sale (scenario.learn). Fields: lift, half_life, rise (minutes \
            to the peak, assumed), lift_low/lift_high and half_life_low/half_life_high (the intervals at \
            level), level, baseline (revenue per minute at the send without the campaign), extra (revenue \
            the campaign brought in the minutes fitted).
            """,
        methods: [],
        describe: { (e: EffectObject) -> String in
            "Effect(\(EffectText.learned(e.effect)))"
        },
        fields: fields)
}
