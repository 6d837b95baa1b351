#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SaleData

/// Something that changes the revenue rate: a factor on the baseline at every minute.
///
/// Events combine by multiplying their factors: an outage during a campaign zeroes it, and two
/// campaigns at +50% each give 2.25 times the baseline where both peak. (The simulator adds
/// campaign lifts instead, `1 + 0.5 + 0.5`; the two agree for one campaign and differ only where
/// campaigns overlap.)
public enum ScenarioEvent: Sendable, Equatable {
    /// An e-mail or push campaign.
    case campaign(CampaignEffect)
    /// A discount from a minute on.
    case discount(DiscountEffect)
    /// An outage or stock-out over a span.
    case outage(OutageEffect)

    /// The factor on the baseline rate at a minute (1: no change).
    public func multiplier(at minute: Int) -> Double {
        switch self {
        case .campaign(let campaign): campaign.multiplier(at: minute)
        case .discount(let discount): discount.multiplier(at: minute)
        case .outage(let outage): outage.multiplier(at: minute)
        }
    }

    /// The first minute the event changes the rate.
    public var firstMinute: Int {
        switch self {
        case .campaign(let campaign): campaign.minute
        case .discount(let discount): discount.from
        case .outage(let outage): outage.from
        }
    }

    /// The event with a campaign's lift and half-life moved by `z` standard deviations of its
    /// spread (in log; others unchanged): `lift` moves the lift, otherwise the half-life.
    func shifted(_ z: Double, lift: Bool) -> ScenarioEvent {
        guard case .campaign(var campaign) = self else { return self }
        if lift { campaign.lift *= exp(z * campaign.spread.logLift) } else { campaign.halfLife *= exp(z * campaign.spread.logHalfLife) }
        return .campaign(campaign)
    }

    /// Whether the event's effect is uncertain (a campaign with a spread).
    var isUncertain: Bool {
        guard case .campaign(let campaign) = self else { return false }
        return campaign.spread != .exact
    }
}

extension Array where Element == ScenarioEvent {
    /// The combined factor at a minute: the product of every event's factor.
    public func multiplier(at minute: Int) -> Double {
        reduce(1) { $0 * $1.multiplier(at: minute) }
    }

    /// The combined factor over a row of `step` minutes from `minute`: the mean of its minutes'
    /// factors (a campaign's peak and early decay fall inside a 15-minute row, not at its start).
    public func multiplier(row minute: Int, step: Int) -> Double {
        guard step > 1 else { return multiplier(at: minute) }
        return (0..<step).reduce(0) { $0 + multiplier(at: minute + $1) } / Double(step)
    }

    /// The combined factor over every row of a series' values (`multiplier(row:step:)`).
    public func multipliers(over series: Series) -> [Double] {
        (0..<series.count).map { multiplier(row: series.minute(at: $0), step: series.step) }
    }
}

extension Series {
    /// The series with the events' effect added: each value times the events' factor at its
    /// minute. A synthetic spike for testing how a forecaster copes with campaigns.
    public func adding(_ events: [ScenarioEvent]) -> Series {
        let factors = events.multipliers(over: self)
        return Series(start: start, step: step, values: zip(values, factors).map { $0 * $1 }, zone: zone)
    }

    /// The series with the events' effect taken out (each value divided by the factor where it
    /// is above 0): the counterfactual without the events.
    public func removing(_ events: [ScenarioEvent]) -> Series {
        let factors = events.multipliers(over: self)
        return Series(start: start, step: step, values: zip(values, factors).map { $1 > 0 ? $0 / $1 : $0 }, zone: zone)
    }
}

extension CampaignEffect {
    /// The simulator's campaign in a sale starting at epoch minute `saleStart`.
    public init(_ campaign: SaleSimulation.Campaign, saleStart: Int) {
        self.init(minute: saleStart + campaign.minute, lift: campaign.lift, riseMinutes: campaign.riseMinutes,
                  halfLife: campaign.halfLife)
    }
}
