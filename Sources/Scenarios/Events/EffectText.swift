import NumberText

/// How events and effects read in the CLI's reports and Lua's `tostring`: the one describer.
public enum EffectText {
    /// A share as a signed percentage with at most one decimal: 1.5 → `+150%`, -0.125 → `-12.5%`.
    public static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        guard value.isFinite, abs(value) < 1e12 else { return "\(value)%" }
        return (value >= 0 ? "+" : "") + NumberFormat.trimmed(value, decimals: 1) + "%"
    }

    /// Minutes with at most one decimal: `30 min`, `12.5 min`.
    public static func minutes(_ value: Double) -> String {
        NumberFormat.trimmed(value, decimals: 1) + " min"
    }

    /// A campaign's shape: `peak +100% after 5 min, half-life 30 min`.
    public static func shape(_ campaign: CampaignEffect) -> String {
        "peak \(percent(campaign.lift)) after \(minutes(campaign.riseMinutes)), half-life \(minutes(campaign.halfLife))"
    }

    /// A learned effect with its intervals:
    /// `lift +180.1% [+150.6%..+211.6%], half-life 40.5 min [27.4 min..72.4 min], 90% intervals`.
    public static func learned(_ effect: LearnedEffect) -> String {
        let level = Int((effect.level * 100).rounded())
        return "lift \(percent(effect.lift)) [\(percent(effect.liftInterval.lowerBound))..\(percent(effect.liftInterval.upperBound))], "
            + "half-life \(minutes(effect.halfLife)) [\(minutes(effect.halfLifeInterval.lowerBound))..\(minutes(effect.halfLifeInterval.upperBound))], "
            + "\(level)% intervals"
    }
}
