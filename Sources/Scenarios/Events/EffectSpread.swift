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
    /// the lift and the half-life of another (subject lines, audiences and hours differ).
    public static let betweenSends = EffectSpread(ratio: 2, level: 0.9)

    /// A typical e-mail assumed when nothing was learned: 9 shops' e-mails in 10 between a quarter
    /// and four times its lift and half-life.
    public static let assumed = EffectSpread(ratio: 4, level: 0.9)

    /// The spread that puts `level` of the values between `1 / ratio` and `ratio` times the middle one.
    public init(ratio: Double, level: Double) {
        let sigma = log(ratio) / EffectLearner.normalQuantile(level: level)
        self.init(logLift: sigma, logHalfLife: sigma)
    }

    /// A learned campaign's spread: its estimate's own (from the learned intervals) and the
    /// difference between sends, independent, added in variance; never wider than `assumed`
    /// (a learned effect knows at least what a typical e-mail does).
    public init(learned effect: LearnedEffect) {
        let z = EffectLearner.normalQuantile(level: effect.level)
        let liftWidth = effect.liftInterval.upperBound - effect.liftInterval.lowerBound
        let estimateLift = effect.lift > 0 ? liftWidth / (2 * z * effect.lift) : .infinity
        let halfLives = effect.halfLifeInterval
        let estimateHalfLife = halfLives.lowerBound > 0 ? log(halfLives.upperBound / halfLives.lowerBound) / (2 * z) : .infinity
        let between = Self.betweenSends, cap = Self.assumed
        self.init(logLift: min((estimateLift * estimateLift + between.logLift * between.logLift).squareRoot(), cap.logLift),
                  logHalfLife: min((estimateHalfLife * estimateHalfLife + between.logHalfLife * between.logHalfLife).squareRoot(),
                                   cap.logHalfLife))
    }

    /// The lift's range holding `level` of the plausible values around `lift`.
    public func liftRange(_ lift: Double, level: Double) -> ClosedRange<Double> {
        let factor = exp(EffectLearner.normalQuantile(level: level) * logLift)
        return lift / factor...lift * factor
    }
}
