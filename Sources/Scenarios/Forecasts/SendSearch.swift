import SaleData

/// The answer to "what is the latest minute to send the e-mail and still reach the target?".
public enum SendPlan: Sendable, Equatable {
    /// The baseline (with the other events) reaches the target without the campaign.
    case notNeeded(total: Double)
    /// Sending at `minute` or at some earlier minute reaches the target; `total` is the revenue
    /// by the deadline when sending at `minute`.
    case sendBy(minute: Int, total: Double)
    /// No send minute reaches the target; the best one and the total it brings.
    case unreachable(bestMinute: Int, bestTotal: Double)
}

extension Baseline {
    /// The latest minute to send `campaign` (its lift and shape; its minute is ignored) so that the
    /// revenue by `deadline` (everything before it; nil: the end of the forecast) reaches `target`,
    /// with `others` also applied. Candidates are the forecast's minutes before the deadline;
    /// each is evaluated exactly, so a busier hour earlier may win over a quieter one later.
    public func latestSend(_ campaign: CampaignEffect, target: Double, by deadline: Int? = nil,
                           others: [ScenarioEvent] = []) -> SendPlan {
        let n = deadline.map { count(before: $0) } ?? rate.count
        let factors = others.multipliers(over: rate)
        let weighted = (0..<n).map { rate.values[$0] * factors[$0] }
        let without = observed + weighted.reduce(0, +)
        if without >= target { return .notNeeded(total: without) }
        var best: (minute: Int, total: Double)?
        for index in stride(from: n - 1, through: 0, by: -1) {
            var trial = campaign
            trial.minute = rate.minute(at: index)
            var extra = 0.0
            for t in index..<n { extra += weighted[t] * trial.lift * trial.shape(at: rate.minute(at: t)) }
            let total = without + extra
            if total >= target { return .sendBy(minute: trial.minute, total: total) }
            if total > (best?.total ?? -.infinity) { best = (trial.minute, total) }
        }
        return .unreachable(bestMinute: best?.minute ?? rate.start, bestTotal: best?.total ?? without)
    }
}
