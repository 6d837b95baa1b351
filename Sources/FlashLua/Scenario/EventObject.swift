import LuaBridge
import SaleData
import Scenarios

/// An event as a script made it (`scenario.email{...}`): its times stay as written until a
/// forecast gives the cutoff and zone they are read against.
final class EventObject: LuaObject {
    static let luaTypeName = "Event"

    /// What happens.
    enum Kind: Sendable {
        case campaign(channel: String, at: EventTime, effect: CampaignEffect)
        case discount(from: EventTime, until: EventTime?, effect: DiscountEffect)
        case outage(from: EventTime, until: EventTime, remaining: Double)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// A few figures.
    var memoryFootprint: Int { Footprint.small }

    /// The event at minutes read after the cutoff minute `after`, in `zone`.
    func resolved(after: Int, zone: ShopZone) -> ScenarioEvent {
        switch kind {
        case .campaign(_, let at, var effect):
            effect.minute = at.minute(after: after, zone: zone)
            return .campaign(effect)
        case .discount(let from, let until, var effect):
            effect.from = from.minute(after: after, zone: zone)
            effect.until = until.map { $0.minute(after: effect.from, zone: zone) }
            return .discount(effect)
        case .outage(let from, let until, let remaining):
            let start = from.minute(after: after, zone: zone)
            return .outage(OutageEffect(from: start, until: until.minute(after: start, zone: zone), remaining: remaining))
        }
    }

    /// A short name: `e-mail 14:00 +150%`, `discount 16:00 +15%`, `outage 15:00-15:30`.
    func name(zone: ShopZone = .utc) -> String {
        switch kind {
        case .campaign(let channel, let at, let effect):
            return "\(channel) \(at.text(zone: zone)) \(EffectText.percent(effect.lift))"
        case .discount(let from, _, let effect):
            return "discount \(from.text(zone: zone)) \(EffectText.percent(effect.lift))"
        case .outage(let from, let until, _):
            return "outage \(from.text(zone: zone))-\(until.text(zone: zone))"
        }
    }


    /// `tostring(event)`.
    var description: String {
        switch kind {
        case .campaign(_, _, let effect):
            let lifts = effect.spread.liftRange(effect.lift, level: 0.9)
            let range = effect.spread.logLift > 0 ? ", lift \(EffectText.percent(lifts.lowerBound))..\(EffectText.percent(lifts.upperBound)) (90%)" : ""
            return "Event(\(name()), peak after \(EffectText.minutes(effect.riseMinutes)), half-life \(EffectText.minutes(effect.halfLife))\(range))"
        case .discount(_, let until, let effect):
            let end = until.map { " until \($0.text(zone: .utc))" } ?? ""
            let fade = effect.fadeHalfLife.map { ", fading with half-life \(EffectText.minutes($0))" } ?? ""
            return "Event(\(name())\(end)\(fade))"
        case .outage(_, _, let remaining):
            return "Event(\(name()), \(EffectText.percent(remaining - 1)))"
        }
    }
}

extension LuaOptions {
    /// The event-time option (see `EventTime`), or nil when absent.
    func eventTime(_ key: String, call: LuaCall) throws(LuaError) -> EventTime? {
        try with(key) { (index) throws(LuaError) -> EventTime? in
            switch call.type(at: index) {
            case .nil, .none: return nil
            case .number:
                let seconds = try call.number(index)
                guard seconds.isFinite, abs(seconds) < 1e15 else { throw error(key, "must be a time, got a number out of range") }
                return .epoch(minute: Int((seconds / 60).rounded(.down)))
            case .string:
                let text = try call.string(index)
                guard let time = EventTime(text: text) else {
                    throw error(key, "must be a time such as '14:00' or '2024-05-20T14:00', got '\(text)'")
                }
                return time
            default:
                throw error(key, "must be a time such as '14:00' or '2024-05-20T14:00', got \(call.typeName(at: index))")
            }
        }
    }

    /// The event-time option, which must be present.
    func requiredEventTime(_ key: String, call: LuaCall) throws(LuaError) -> EventTime {
        guard let time = try eventTime(key, call: call) else {
            throw error(key, "must be a time such as '14:00' or '2024-05-20T14:00', got nil")
        }
        return time
    }
}
