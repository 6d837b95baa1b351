import ArgumentParser
import Forecasting
import NumberText
import SVGCharts
import SafeOutput
import SaleData
import SaleReports
import Scenarios

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
    /// The sale's last minute (epoch minute) from `--end`.
    let saleEnd: Int?

    init(_ command: WhatIfCommand) throws {
        self.command = command
        sale = try SaleInput.load(command.input, reading: command.reading)
        let revenue = sale.revenue
        let cutoff = try command.cutoff.index(in: revenue, file: sale.fileName)
        let earlier = try command.history.map { try SaleInput.load($0, reading: command.reading, asHistory: true) }
        let options: ForecastOptions
        (options, saleEnd) = try command.forecastOptions(revenue: revenue, cutoff: cutoff, history: earlier?.revenue)
        train = options.train
        forecast = try Forecaster.forecast(revenue: revenue, options: options)
        let (campaign, source) = try command.events.campaign(observed: revenue.slice(0..<(cutoff + 1)), earlier: earlier?.revenue)
        effectSource = source
        let cutoffMinute = revenue.minute(at: cutoff), zone = revenue.zone
        let baseline = Baseline(forecast)
        comparison = ScenarioComparison(baseline: baseline, scenarios: command.scenarios(campaign, after: cutoffMinute, zone: zone),
                                        by: command.byMinute(after: cutoffMinute, zone: zone), target: command.target)
        plan = command.target.map { baseline.latestSend(campaign, target: $0) }
        try command.write(csv: comparison.csv, chart: Self.chart(comparison, revenue: revenue, cutoff: cutoff, train: train))
    }

    /// The comparison chart: the actual curve over the training window, baseline, scenarios, events.
    static func chart(_ comparison: ScenarioComparison, revenue: Series, cutoff: Int, train: Int,
                      subject: String = "forecast") -> () throws -> SVGDocument {
        {
            let actual = ScenarioChartData.actual(revenue, cutoff: cutoff, minutes: train)
            let markers = comparison.scenarios.flatMap { s in s.events.map { (minute: $0.firstMinute, label: s.name) } }
            var options = ChartOptions()
            options.title = "What if: \(subject) from \(revenue.zone.label(minute: revenue.minute(at: cutoff)))"
            options.timeZone = revenue.zone
            return try ScenarioChartData.chart(comparison, actual: actual, markers: markers.filter { !$0.label.hasPrefix("all ") })
                .render(options)
        }
    }

    /// What the command prints.
    func report() -> String {
        let end = forecast.rows - 1
        var lines = [
            sale.summary,
            "forecast from \(forecast.mean.label(at: -1)) to \(forecast.mean.label(at: end)) (\(forecast.horizon) minutes, model "
                + "\(forecast.model.rawValue)); revenue at the cutoff \(NumberFormat.money(forecast.observedTotal))",
            "e-mail effect: \(effectSource)",
            comparison.summary.dropLast().description,
        ]
        if let plan { lines.append(command.planLine(plan, zone: sale.revenue.zone)) }
        lines.append("wrote \(command.output)" + (command.svg.map { ", \($0)" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }
}

extension WhatIfCommand {
    /// The forecast's options for `revenue` cut at row `cutoff`, and the sale's end from `--end`.
    func forecastOptions(revenue: Series, cutoff: Int, history: Series?) throws -> (ForecastOptions, saleEnd: Int?) {
        let rest = (revenue.count - 1 - cutoff) * revenue.step
        let saleEnd = try end.minute(after: cutoff, in: revenue)
        let toEnd = saleEnd.map { SaleEndArgument.horizon(to: $0, cutoff: cutoff, in: revenue) }
        var options = ForecastOptions(cutoff: cutoff, train: ModelOptions.minutes(train, default: 1000, in: revenue),
                                      horizon: ModelOptions.minutes(horizon ?? toEnd ?? (rest > 0 ? rest : nil), default: 500, in: revenue),
                                      seed: seed)
        options.levels = levels.level.values
        options.burstFreeBands = true
        options.history = history
        return (options, saleEnd)
    }

    /// Each event as a scenario and, with more than one, all of them together.
    func scenarios(_ campaign: CampaignEffect, after cutoffMinute: Int, zone: ShopZone) -> [Scenario] {
        var scenarios = events.events(campaign, after: cutoffMinute, zone: zone).map { Scenario(name: $0.name, events: [$0.event]) }
        if scenarios.count > 1 { scenarios.append(Scenario(name: "all together", events: scenarios.flatMap(\.events))) }
        return scenarios
    }

    /// The minute of `--by WHEN` after the cutoff, if given.
    func byMinute(after cutoffMinute: Int, zone: ShopZone) -> Int? {
        byTime.map { $0.minute(after: cutoffMinute, zone: zone) }
    }

    /// Writes the CSV and, with `--svg`, the chart, committed together.
    func write(csv: String, chart: () throws -> SVGDocument) throws {
        let outputs = OutputSet()
        try outputs.add(output, csv.utf8)
        if let svg { try outputs.add(svg, try chart().text.utf8) }
        try outputs.commit()
    }

    /// The report's line on `--target`: when to send the e-mail at the latest to reach it.
    func planLine(_ plan: SendPlan, zone: ShopZone) -> String {
        let goal = "target \(NumberFormat.money(target ?? 0)) by the end"
        switch plan {
        case .notNeeded: return "\(goal): reached without an e-mail"
        case .sendBy(let minute, let total): return "\(goal): send the e-mail by \(zone.label(minute: minute)) (\(NumberFormat.money(total)))"
        case .unreachable(let minute, let total):
            return "\(goal): out of reach; the best send, \(zone.label(minute: minute)), brings \(NumberFormat.money(total))"
        }
    }
}
