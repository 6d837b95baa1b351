#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An e-mail or push campaign: the rate rises linearly for `riseMinutes` after the send, peaks at
/// `1 + lift` times the baseline, then the extra rate halves every `halfLife` minutes.
///
/// The same shape as the simulator's `SaleSimulation.Campaign`, with the send time as an epoch
/// minute instead of a minute of the sale (see `init(_:saleStart:)`).
public struct CampaignEffect: Sendable, Equatable {
    /// Minute the campaign goes out, counted in UTC from the epoch.
    public var minute: Int
    /// Peak extra rate as a multiple of the baseline (0.5 is +50% at the peak).
    public var lift: Double
    /// Minutes from the send to the peak (0 jumps straight to the peak).
    public var riseMinutes: Double
    /// Minutes for the extra rate to halve after the peak.
    public var halfLife: Double
    /// How uncertain the lift and half-life are (a learned or assumed effect); widens the scenario's band.
    public var spread: EffectSpread

    /// The largest lift an event takes (+10,000%: a hundred times the baseline at the peak); a
    /// larger one is a typo, and would make totals and bands overflow.
    public static let largestLift = 100.0
    /// The longest half-life a campaign takes, in minutes (a week).
    public static let longestHalfLife = 10_080.0
    /// The longest rise to a campaign's peak, in minutes (a week): `rise = 1e308` was taken as given.
    public static let longestRise = 10_080.0

    /// A campaign; by default it peaks 5 minutes after the send and halves every 30 minutes.
    public init(minute: Int, lift: Double, riseMinutes: Double = 5, halfLife: Double = 30, spread: EffectSpread = .exact) {
        self.minute = minute
        self.lift = lift
        self.riseMinutes = riseMinutes
        self.halfLife = halfLife
        self.spread = spread
    }

    /// A typical e-mail, when nothing is given or learned: +100% at the peak 5 minutes after the
    /// send, halving every 30 minutes, with the wide spread of an assumption (`EffectSpread.assumed`).
    public static func typical(at minute: Int) -> CampaignEffect {
        CampaignEffect(minute: minute, lift: 1, riseMinutes: 5, halfLife: 30, spread: .assumed)
    }

    /// The extra rate at a minute as a share of the peak: 0 before the send, rising to 1, decaying.
    public func shape(at minute: Int) -> Double {
        Self.shape(since: Double(minute - self.minute), riseMinutes: riseMinutes, halfLife: halfLife)
    }

    /// The shape `since` minutes after the send (negative: before it).
    public static func shape(since: Double, riseMinutes: Double, halfLife: Double) -> Double {
        guard since >= 0 else { return 0 }
        if since < riseMinutes { return since / riseMinutes }
        guard halfLife > 0 else { return 0 }
        return pow(2, -(since - riseMinutes) / halfLife)
    }

    /// The shape's mean over a row of `minutes` minutes from `since` (the shape itself for one minute).
    public static func shape(since: Double, minutes: Int, riseMinutes: Double, halfLife: Double) -> Double {
        guard minutes > 1 else { return shape(since: since, riseMinutes: riseMinutes, halfLife: halfLife) }
        return (0..<minutes).reduce(0.0) { $0 + shape(since: since + Double($1), riseMinutes: riseMinutes, halfLife: halfLife) } / Double(minutes)
    }

    /// The factor on the baseline rate at a minute.
    public func multiplier(at minute: Int) -> Double { 1 + lift * shape(at: minute) }
}
