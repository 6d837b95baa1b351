#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        let extras = Self.extras(of: campaign, on: weighted, step: rate.step)
        var best: (minute: Int, total: Double)?
        for index in stride(from: n - 1, through: 0, by: -1) {
            let total = without + extras[index], minute = rate.minute(at: index)
            if total >= target { return .sendBy(minute: minute, total: total) }
            if total > (best?.total ?? -.infinity) { best = (minute, total) }
        }
        return .unreachable(bestMinute: best?.minute ?? rate.start, bestTotal: best?.total ?? without)
    }

    /// The extra revenue `campaign` brings when sent at each row of `weighted` (revenue per row of
    /// `step` minutes), counted to the last row, in time linear in the rows: the rows still rising
    /// from prefix sums, the decaying ones from a running sum backwards (each row after the rise
    /// weighs `q = 2^(-step / halfLife)` times the one before). A row's shape is the mean of its
    /// minutes' (as `multiplier(row:step:)`): on rows of several minutes the rising rows are summed
    /// minute by minute and each decaying row weighs the mean of `2^(-j / halfLife)` over its minutes.
    static func extras(of campaign: CampaignEffect, on weighted: [Double], step: Int) -> [Double] {
        guard step > 1 else { return minuteExtras(of: campaign, on: weighted) }
        let n = weighted.count, rise = campaign.riseMinutes, halfLife = campaign.halfLife
        let rising = rise > 0 ? Swift.min(Int((rise / Double(step)).rounded(.up)), n) : 0  // rows reaching into the rise
        let risingShapes = (0..<rising).map { CampaignEffect.shape(since: Double($0 * step), minutes: step, riseMinutes: rise, halfLife: halfLife) }
        guard halfLife > 0 else {
            return (0..<n).map { s in campaign.lift * (0..<Swift.min(rising, n - s)).reduce(0.0) { $0 + weighted[s + $1] * risingShapes[$1] } }
        }
        let q = pow(2, -Double(step) / halfLife)
        let withinRow = (0..<step).reduce(0.0) { $0 + pow(2, -Double($1) / halfLife) } / Double(step)
        let afterRise = pow(2, -(Double(rising * step) - rise) / halfLife) * withinRow
        var decaying = [Double](repeating: 0, count: n + 1)  // decaying[s] = sum over t >= s of w_t q^(t-s)
        for t in stride(from: n - 1, through: 0, by: -1) { decaying[t] = weighted[t] + q * decaying[t + 1] }
        return (0..<n).map { s in
            let risingPart = (0..<Swift.min(rising, n - s)).reduce(0.0) { $0 + weighted[s + $1] * risingShapes[$1] }
            let decayPart = s + rising < n ? afterRise * decaying[s + rising] : 0
            return campaign.lift * (risingPart + decayPart)
        }
    }

    /// `extras` on rows of one minute, each row's shape taken at its minute.
    private static func minuteExtras(of campaign: CampaignEffect, on weighted: [Double]) -> [Double] {
        let step = 1.0
        let n = weighted.count
        let rise = campaign.riseMinutes, halfLife = campaign.halfLife
        let rising = rise > 0 ? Swift.min(Int((rise / step).rounded(.up)), n) : 0  // rows whose offset is within the rise
        var sums = [0.0], moments = [0.0]  // prefix sums of w_t and of t * w_t
        for (t, value) in weighted.enumerated() {
            sums.append(sums[t] + value)
            moments.append(moments[t] + Double(t) * value)
        }
        let q = halfLife > 0 ? pow(2, -step / halfLife) : 0
        let afterRise = halfLife > 0 ? pow(2, -(Double(rising) * step - rise) / halfLife) : 0
        var decaying = [Double](repeating: 0, count: n + 1)  // decaying[s] = sum over t >= s of w_t q^(t-s)
        for t in stride(from: n - 1, through: 0, by: -1) { decaying[t] = weighted[t] + q * decaying[t + 1] }
        return (0..<n).map { s in
            let end = Swift.min(s + rising, n)
            let risingPart = rising > 0
                ? step / rise * ((moments[end] - moments[s]) - Double(s) * (sums[end] - sums[s])) : 0
            let decayPart = s + rising < n ? afterRise * decaying[s + rising] : 0
            return campaign.lift * (risingPart + decayPart)
        }
    }
}
