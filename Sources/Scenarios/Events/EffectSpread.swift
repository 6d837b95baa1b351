#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How uncertain a campaign's effect is: the standard deviations of the logarithms of its lift and
/// of its half-life, taken as independent (0 and 0: known exactly, as when an analyst asks "what
/// if the lift were 1.5?"). A what-if's band carries it beside the baseline forecast's band.
public struct EffectSpread: Sendable, Equatable {
    /// Standard deviation of `log(lift)`.
    public var logLift: Double
    /// Standard deviation of `log(halfLife)`.
    public var logHalfLife: Double

    /// A spread of the lift's and the half-life's logarithms.
    public init(logLift: Double = 0, logHalfLife: Double = 0) {
        self.logLift = logLift
        self.logHalfLife = logHalfLife
    }

    /// Known exactly.
    public static let exact = EffectSpread()

    /// From one send to the next of the same shop: an assumption, not a measurement (one learned
    /// campaign cannot show how sends differ), that 9 sends in 10 bring between half and twice
    /// the extra revenue of another (subject lines, audiences and hours differ).
    public static let betweenSends = EffectSpread(ratio: 2, level: 0.9)

    /// A typical e-mail assumed when nothing was learned: 9 shops' e-mails in 10 bring between a
    /// quarter and four times its extra revenue.
    public static let assumed = EffectSpread(ratio: 4, level: 0.9)

    /// The spread that puts `level` of the campaigns' extra revenue between `1 / ratio` and `ratio`
    /// times the middle one. The extra over the hours after a send is about the peak times how
    /// long it lasts, lift times half-life: each, independent, gets its log spread divided by
    /// `sqrt(2)`, so that their product gets all of it. (Giving each all of it let the extra vary
    /// by `ratio^sqrt(2)` instead: 2.7 times where half to twice was meant.)
    public init(ratio: Double, level: Double) {
        let sigma = log(ratio) / EffectLearner.normalQuantile(level: level) / 2.0.squareRoot()
        self.init(logLift: sigma, logHalfLife: sigma)
    }

    /// A learned campaign's spread: its estimate's and the difference between sends, independent,
    /// added in variance; never wider than `assumed` (a learned effect knows at least what a
    /// typical e-mail does). The estimate's is in the lift alone, from its interval: joined over
    /// the plausible half-lives, that interval holds the half-life's uncertainty already (the fit
    /// trades a longer half-life for a lower lift at about the same extra revenue); moving the
    /// half-life by its own interval as well counted it twice.
    public init(learned effect: LearnedEffect) {
        let z = EffectLearner.normalQuantile(level: effect.level)
        let liftWidth = effect.liftInterval.upperBound - effect.liftInterval.lowerBound
        let estimate = effect.lift > 0 ? liftWidth / (2 * z * effect.lift) : .infinity
        let between = Self.betweenSends, cap = Self.assumed
        self.init(logLift: min((estimate * estimate + between.logLift * between.logLift).squareRoot(), cap.logLift),
                  logHalfLife: min(between.logHalfLife, cap.logHalfLife))
    }

    /// The lift's range holding `level` of the plausible values around `lift`.
    public func liftRange(_ lift: Double, level: Double) -> ClosedRange<Double> {
        let factor = exp(EffectLearner.normalQuantile(level: level) * logLift)
        return lift / factor...lift * factor
    }
}
