/// A campaign's effect estimated from a past sale, with its uncertainty.
public struct LearnedEffect: Sendable, Equatable {
    /// Peak extra rate as a multiple of the baseline.
    public var lift: Double
    /// Minutes for the extra rate to halve after the peak.
    public var halfLife: Double
    /// Minutes from the send to the peak (assumed, not estimated).
    public var riseMinutes: Double
    /// Interval of the lift at `level`, allowing for the half-life's own uncertainty.
    public var liftInterval: ClosedRange<Double>
    /// Interval of the half-life at `level` (profile likelihood).
    public var halfLifeInterval: ClosedRange<Double>
    /// Confidence level of the intervals.
    public var level: Double
    /// Counterfactual revenue per minute at the send, without the campaign.
    public var baselineAtSend: Double
    /// Extra revenue the campaign brought in the minutes fitted.
    public var extraRevenue: Double
    /// Minutes used before and after the send.
    public var minutesBefore: Int, minutesAfter: Int

    /// The same campaign sent at another minute, carrying its spread (`EffectSpread(learned:)`) for scenario bands.
    public func campaign(at minute: Int) -> CampaignEffect {
        CampaignEffect(minute: minute, lift: lift, riseMinutes: riseMinutes, halfLife: halfLife, spread: EffectSpread(learned: self))
    }
}

/// Why an effect could not be learned; the message reads like the library's other errors.
public struct EffectLearningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Lowercase, without a trailing period.
    public let message: String
    /// The error with its message.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
