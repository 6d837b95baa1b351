import LuaBridge
import SaleData
import Scenarios

/// `scenario.email`, `scenario.push`, `scenario.discount`, `scenario.outage` and `scenario.learn`.
enum ScenarioEvents {

    /// The campaign described by the options at argument 1: `at`, and `lift`, `half_life`, `rise` or `from`.
    static func campaign(_ call: LuaCall, channel: String) throws(LuaError) -> EventObject {
        let options = try LuaOptions(call, at: 1)
        try call.table(1)
        try options.allow(["at", "lift", "half_life", "rise", "from"])
        let at = try options.requiredEventTime("at", call: call)
        return EventObject(.campaign(channel: channel, at: at, effect: try campaignEffect(options, call)))
    }

    /// A campaign's shape from options `lift`, `half_life`, `rise` and `from` (its minute is 0).
    static func campaignEffect(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> CampaignEffect {
        var effect = try learnedFrom(options, call)?.campaign(at: 0) ?? .typical(at: 0)
        if let lift = try options.number("lift") {
            guard lift >= 0, lift <= CampaignEffect.largestLift else {
                throw options.error("lift", "must be 0 to \(Int(CampaignEffect.largestLift)) (0.5 is +50%), got \(lift)")
            }
            effect.lift = lift
            effect.spread.logLift = 0
        }
        if options.has("half_life") {
            effect.halfLife = try positive(options, "half_life", effect.halfLife)
            guard effect.halfLife <= CampaignEffect.longestHalfLife else {
                throw options.error("half_life", "must be at most \(Int(CampaignEffect.longestHalfLife)) minutes (a week), got \(effect.halfLife)")
            }
            effect.spread.logHalfLife = 0
        }
        if let rise = try options.number("rise") {
            guard rise.isFinite, rise >= 0 else { throw options.error("rise", "must be 0 or more minutes, got \(rise)") }
            guard rise <= CampaignEffect.longestRise else {
                throw options.error("rise", "must be at most \(Int(CampaignEffect.longestRise)) minutes (a week), got \(rise)")
            }
            effect.riseMinutes = rise
        }
        return effect
    }

    /// The learned effect of option `from`, or nil when absent.
    private static func learnedFrom(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> LearnedEffect? {
        try options.with("from") { (index) throws(LuaError) -> LearnedEffect? in
            if call.isNoneOrNil(index) { return nil }
            guard let object = call.optionalObject(index, as: EffectObject.self) else {
                throw options.error("from", "Effect expected, got \(call.typeName(at: index))")
            }
            return object.effect
        }
    }

    /// Number option `key`, which must be positive and finite; `current` when absent.
    static func positive(_ options: LuaOptions, _ key: String, _ current: Double) throws(LuaError) -> Double {
        guard let value = try options.number(key) else { return current }
        guard value.isFinite, value > 0 else { throw options.error(key, "must be positive, got \(value)") }
        return value
    }

    static let email = LuaLibraryFunction(
        "email", "scenario.email({at=time, lift=1, half_life=30, rise=5 | from=effect}) -> Event",
        """
        An e-mail campaign sent at `at` ('14:00': the next 14:00 after the forecast's cutoff; \
        '2024-05-20T14:00' in the shop's zone; or epoch seconds): the rate rises for `rise` minutes to \
        1+lift times the baseline, then the extra halves every `half_life` minutes. from=an Effect from \
        scenario.learn takes its lift and half-life with their uncertainty (its estimate's and how sends \
        differ), which widens a what-if's bands; lift= and half_life= given are taken as exact. Without \
        either, a typical e-mail is assumed: lift=1 (+100%), half_life=30, rise=5, its extra revenue \
        uncertain by a factor 4 (9 e-mails in 10).
        """
    ) { call in
        call.push(try campaign(call, channel: "e-mail"))
        return 1
    }

    static let push = LuaLibraryFunction(
        "push", "scenario.push({at=time, lift=1, half_life=30, rise=5 | from=effect}) -> Event",
        "A push notification: the same options and shape as scenario.email."
    ) { call in
        call.push(try campaign(call, channel: "push"))
        return 1
    }

    static let discount = LuaLibraryFunction(
        "discount", "scenario.discount({from=time, lift=0.15 | depth=0.1, elasticity=2 [, to=time] [, fade=minutes]}) -> Event",
        """
        A price change from `from` on (until `to`, exclusive): the revenue rate times 1+lift; or from a \
        discount depth (0.1 is 10% off) and the demand's elasticity, lift = (1 + elasticity*depth)*(1 - depth) - 1. \
        fade= makes the lift halve every that many minutes.
        """
    ) { call in
        try call.table(1)
        let options = try LuaOptions(call, at: 1)
        try options.allow(["from", "to", "lift", "depth", "elasticity", "fade"])
        let from = try options.requiredEventTime("from", call: call)
        let lift: Double
        if let given = try options.number("lift") {
            guard given > -1, given <= CampaignEffect.largestLift else {
                throw options.error("lift", "must be above -1 and at most \(Int(CampaignEffect.largestLift)) (0.15 is +15%), got \(given)")
            }
            lift = given
        } else if let depth = try options.number("depth") {
            guard depth > 0, depth < 1 else { throw options.error("depth", "must be between 0 and 1 (0.1 is 10% off), got \(depth)") }
            guard let elasticity = try options.number("elasticity"), elasticity.isFinite, elasticity >= 0 else {
                throw options.error("elasticity", "must be a number 0 or more with depth")
            }
            lift = DiscountEffect.revenueLift(depth: depth, elasticity: elasticity)
        } else {
            throw options.error("lift", "must be a number (or give depth and elasticity), got nil")
        }
        let fade = try options.has("fade") ? positive(options, "fade", 1) : nil
        let effect = DiscountEffect(from: 0, lift: lift, fadeHalfLife: fade)
        call.push(EventObject(.discount(from: from, until: try options.eventTime("to", call: call), effect: effect)))
        return 1
    }

    static let outage = LuaLibraryFunction(
        "outage", "scenario.outage({from=time, to=time [, remaining=0]}) -> Event",
        """
        A site outage or stock-out from `from` until `to` (exclusive; '15:30' is the next 15:30 after \
        from): the rate falls to `remaining` times the baseline (0: nothing; 0.2 for a partial stock-out).
        """
    ) { call in
        try call.table(1)
        let options = try LuaOptions(call, at: 1)
        try options.allow(["from", "to", "remaining"])
        let from = try options.requiredEventTime("from", call: call)
        let until = try options.requiredEventTime("to", call: call)
        let remaining = try options.number("remaining") ?? 0
        guard remaining >= 0, remaining <= 1 else { throw options.error("remaining", "must be between 0 and 1, got \(remaining)") }
        call.push(EventObject(.outage(from: from, until: until, remaining: remaining)))
        return 1
    }
}
