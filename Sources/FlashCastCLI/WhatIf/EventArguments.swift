import ArgumentParser
import SaleData
import Scenarios

/// The events an analyst names on the command line, the same for `flashcast whatif` (each one a
/// scenario) and `flashcast forecast` (planned, so forecast): e-mails, their effect, discounts.
struct EventArguments: ParsableArguments {
    @Option(help: ArgumentHelp("An e-mail campaign at WHEN (repeatable).", valueName: "WHEN"))
    var email: [EventTime] = []

    @Option(help: ArgumentHelp("Peak extra rate of the e-mail (1 is +100%).", valueName: "X"))
    var lift: Double?

    @Option(name: .customLong("half-life"), help: ArgumentHelp("Minutes for the e-mail's extra rate to halve.", valueName: "MIN"))
    var halfLife: Double?

    @Option(help: ArgumentHelp("Minutes from the send to the peak.", valueName: "MIN"))
    var rise: Double?

    @Option(help: ArgumentHelp("A discount from WHEN lifting the revenue rate by LIFT, e.g. 16:00:0.15 (repeatable).",
                               valueName: "WHEN:LIFT"))
    var discount: [DiscountArgument] = []

    @Option(name: .customLong("history-email"), help: ArgumentHelp("When an e-mail went out in the --history sale: its effect is learned.", valueName: "WHEN"))
    var historyEmail: EventTime?

    @Option(name: .customLong("learn-email"), help: ArgumentHelp("When an earlier e-mail of this sale went out: its effect is learned.", valueName: "WHEN"))
    var learnEmail: EventTime?

    /// Whether any event was named.
    var isEmpty: Bool { email.isEmpty && discount.isEmpty }

    /// Checks the values; `hasHistory` tells whether --history was given.
    func validate(hasHistory: Bool) throws {
        if let lift, !(lift >= 0 && lift <= CampaignEffect.largestLift) {
            throw ValidationError("--lift must be 0 to \(Int(CampaignEffect.largestLift)) (0.5 is +50%)")
        }
        for (name, value) in [("--half-life", halfLife), ("--rise", rise)] {
            if let value, !(value >= 0 && value.isFinite) || (name == "--half-life" && value == 0) {
                throw ValidationError("\(name) must be a positive number of minutes")
            }
        }
        if let halfLife, halfLife > CampaignEffect.longestHalfLife {
            throw ValidationError("--half-life must be at most \(Int(CampaignEffect.longestHalfLife)) minutes (a week)")
        }
        if let rise, rise > CampaignEffect.longestRise {
            throw ValidationError("--rise must be at most \(Int(CampaignEffect.longestRise)) minutes (a week)")
        }
        if historyEmail != nil, !hasHistory { throw ValidationError("--history-email needs --history (the earlier sale)") }
        if historyEmail != nil, learnEmail != nil { throw ValidationError("give --history-email or --learn-email, not both") }
    }

    /// The e-mail's shape (at minute 0): given, learned from an earlier e-mail, or the typical
    /// default; and where it comes from, for the report.
    func campaign(observed: Series, earlier: Series?) throws -> (CampaignEffect, String) {
        var campaign = CampaignEffect.typical(at: 0)
        var source = "a typical e-mail (no --lift and nothing to learn from)"
        let learning: (Series, EventTime, String)? = if let when = historyEmail, let earlier {
            (earlier, when, "the e-mail at \(when.text(zone: earlier.zone)) in --history")
        } else if let when = learnEmail {
            (observed, when, "the e-mail at \(when.text(zone: observed.zone)) in this sale")
        } else { nil }
        if lift == nil, let (series, when, label) = learning {
            let minute = when.minute(after: series.start - 1, zone: series.zone)
            do {
                let learned = try EffectLearner.learn(series, sentAt: minute)
                campaign = learned.campaign(at: 0)
                source = "learned from \(label): \(EffectText.learned(learned))"
            } catch {
                throw ValidationError("cannot learn the e-mail's effect from \(label): \(error.message)")
            }
        }
        if let lift {
            campaign.lift = lift
            campaign.spread.logLift = 0
            source = "given"
        }
        if let halfLife {
            campaign.halfLife = halfLife
            campaign.spread.logHalfLife = 0
        }
        if let rise { campaign.riseMinutes = rise }
        return (campaign, source + "; " + EffectText.shape(campaign))
    }

    /// Every named event placed after the cutoff minute, with its name: `e-mail 14:00`, `discount 16:00 +15%`.
    func events(_ campaign: CampaignEffect, after cutoffMinute: Int, zone: ShopZone) -> [(name: String, event: ScenarioEvent)] {
        let mails = email.map { when -> (name: String, event: ScenarioEvent) in
            var mail = campaign
            mail.minute = when.minute(after: cutoffMinute, zone: zone)
            return ("e-mail \(when.text(zone: zone))", .campaign(mail))
        }
        let discounts = discount.map { argument -> (name: String, event: ScenarioEvent) in
            let from = argument.from.minute(after: cutoffMinute, zone: zone)
            return ("discount \(argument.text) \(EffectText.percent(argument.lift))", .discount(DiscountEffect(from: from, lift: argument.lift)))
        }
        return mails + discounts
    }
}
