import ArgumentParser
import FlashLua
import Forecasting
import SaleData
import Scenarios
import SVGCharts

/// One `flashcast whatif`: the forecast, the e-mail's effect, the scenarios and the outputs.
struct WhatIfRun {
    let sale: SaleInput
    let forecast: Forecast
    let effectSource: String
    let comparison: ScenarioComparison
    let plan: SendPlan?
    let command: WhatIfCommand
    /// Minutes of training data.
    let train: Int

    init(_ command: WhatIfCommand) throws {
        self.command = command
        sale = try SaleInput.load(command.input, reading: command.reading)
        let revenue = sale.revenue
        let cutoff = try command.cutoff.index(in: revenue, file: sale.fileName)
        let rest = (revenue.count - 1 - cutoff) * revenue.step
        train = ModelOptions.minutes(command.train, default: 1000, in: revenue)
        var options = ForecastOptions(cutoff: cutoff, train: train,
                                      horizon: ModelOptions.minutes(command.horizon ?? (rest > 0 ? rest : nil), default: 500, in: revenue),
                                      seed: command.seed)
        let earlier = try command.history.map { try SaleInput.load($0, reading: command.reading, asHistory: true) }
        options.history = earlier?.revenue
        forecast = try Forecaster.forecast(revenue: revenue, options: options)
        let (campaign, source) = try Self.effect(command, observed: revenue.slice(0..<(cutoff + 1)), earlier: earlier?.revenue)
        effectSource = source
        let cutoffMinute = revenue.minute(at: cutoff), zone = revenue.zone
        var scenarios = command.email.map { when -> Scenario in
            var mail = campaign
            mail.minute = when.minute(after: cutoffMinute, zone: zone)
            return Scenario(name: "e-mail \(when.text(zone: zone))", events: [.campaign(mail)])
        }
        scenarios += command.discount.map { argument in
            let from = argument.from.minute(after: cutoffMinute, zone: zone)
            let percent = ScenarioComparison.signed(argument.lift * 100).replacingOccurrences(of: ".00", with: "")
            return Scenario(name: "discount \(argument.text) \(percent)%", events: [.discount(DiscountEffect(from: from, lift: argument.lift))])
        }
        if scenarios.count > 1 { scenarios.append(Scenario(name: "all together", events: scenarios.flatMap(\.events))) }
        let by = command.by.map { $0.minute(after: cutoffMinute, zone: zone) }
        let baseline = Baseline(forecast)
        comparison = ScenarioComparison(baseline: baseline, scenarios: scenarios, by: by, target: command.target)
        plan = command.target.map { baseline.latestSend(campaign, target: $0) }
        try comparison.writeCSV(to: command.output)
        if let svg = command.svg { try chart(title: "What if: forecast from \(zone.label(minute: cutoffMinute))").save(to: svg) }
    }

    /// The e-mail's shape: given, learned, or the typical default; and where it comes from.
    private static func effect(_ command: WhatIfCommand, observed: SaleData.Series, earlier: SaleData.Series?) throws -> (CampaignEffect, String) {
        var campaign = CampaignEffect(minute: 0, lift: 1, riseMinutes: 5, halfLife: 30)
        var source = "a typical e-mail (no --lift and nothing to learn from)"
        let learning: (SaleData.Series, EventTime, String)? = if let when = command.historyEmail, let earlier {
            (earlier, when, "the e-mail at \(when.text(zone: earlier.zone)) in --history")
        } else if let when = command.learnEmail {
            (observed, when, "the e-mail at \(when.text(zone: observed.zone)) in this sale")
        } else { nil }
        if command.lift == nil, let (series, when, label) = learning {
            let minute = when.minute(after: series.start - 1, zone: series.zone)
            do {
                let learned = try EffectLearner.learn(series, sentAt: minute)
                campaign = learned.campaign(at: 0)
                let level = Int((learned.level * 100).rounded())
                source = "learned from \(label): lift \(percent(learned.lift)) (\(level)% interval \(percent(learned.liftInterval.lowerBound))"
                    + " to \(percent(learned.liftInterval.upperBound))), half-life \(minutes(learned.halfLife))"
            } catch {
                throw ValidationError("cannot learn the e-mail's effect from \(label): \(error.message)")
            }
        }
        if let lift = command.lift {
            campaign.lift = lift
            campaign.liftRange = nil
            source = "given"
        }
        if let halfLife = command.halfLife { campaign.halfLife = halfLife }
        if let rise = command.rise { campaign.riseMinutes = rise }
        return (campaign, source + "; peak \(percent(campaign.lift)) after \(minutes(campaign.riseMinutes)), half-life \(minutes(campaign.halfLife))")
    }

    private static func percent(_ share: Double) -> String { String(format: "%+.0f%%", share * 100) }

    private static func minutes(_ value: Double) -> String { String(format: "%.0f min", value) }

    /// The comparison chart: the actual curve over the training window, baseline, scenarios, events.
    private func chart(title: String) throws -> SVGDocument {
        let actual = ScenarioChartData.actual(sale.revenue, cutoff: forecast.cutoff, minutes: train)
        let markers = comparison.scenarios.flatMap { s in s.events.map { (minute: $0.firstMinute, label: s.name) } }
        var options = ChartOptions()
        options.title = title
        options.timeZone = sale.revenue.zone.timeZone
        return try ScenarioChartData.chart(comparison, actual: actual, markers: markers.filter { !$0.label.hasPrefix("all ") })
            .render(options)
    }

    /// What the command prints.
    func report() -> String {
        let end = forecast.rows - 1
        var lines = [
            sale.summary,
            "forecast from \(forecast.mean.label(at: -1)) to \(forecast.mean.label(at: end)) (\(forecast.horizon) minutes, model "
                + "\(forecast.model.rawValue)); revenue at the cutoff \(ScenarioComparison.money(forecast.observedTotal))",
            "e-mail effect: \(effectSource)",
            comparison.summary.dropLast().description,
        ]
        if let plan, let target = command.target {
            let goal = "\(ScenarioComparison.money(target)) by the end"
            switch plan {
            case .notNeeded: lines.append("target \(goal): reached without an e-mail")
            case .sendBy(let minute, let total):
                lines.append("target \(goal): send the e-mail by \(sale.revenue.zone.label(minute: minute)) (\(ScenarioComparison.money(total)))")
            case .unreachable(let minute, let total):
                lines.append("target \(goal): out of reach; the best send, \(sale.revenue.zone.label(minute: minute)), brings \(ScenarioComparison.money(total))")
            }
        }
        lines.append("wrote \(command.output)" + (command.svg.map { ", \($0)" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }
}
