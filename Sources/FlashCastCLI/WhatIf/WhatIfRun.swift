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
        let rest = (revenue.count - 1 - cutoff) * revenue.step
        saleEnd = try command.end.minute(after: cutoff, in: revenue)
        let toEnd = saleEnd.map { SaleEndArgument.horizon(to: $0, cutoff: cutoff, in: revenue) }
        train = ModelOptions.minutes(command.train, default: 1000, in: revenue)
        var options = ForecastOptions(cutoff: cutoff, train: train,
                                      horizon: ModelOptions.minutes(command.horizon ?? toEnd ?? (rest > 0 ? rest : nil), default: 500, in: revenue),
                                      seed: command.seed)
        options.levels = command.levels.level.values
        options.burstFreeBands = true
        let earlier = try command.history.map { try SaleInput.load($0, reading: command.reading, asHistory: true) }
        options.history = earlier?.revenue
        forecast = try Forecaster.forecast(revenue: revenue, options: options)
        let (campaign, source) = try command.events.campaign(observed: revenue.slice(0..<(cutoff + 1)), earlier: earlier?.revenue)
        effectSource = source
        let cutoffMinute = revenue.minute(at: cutoff), zone = revenue.zone
        var scenarios = command.events.events(campaign, after: cutoffMinute, zone: zone).map { Scenario(name: $0.name, events: [$0.event]) }
        if scenarios.count > 1 { scenarios.append(Scenario(name: "all together", events: scenarios.flatMap(\.events))) }
        let by = command.by.map { $0.minute(after: cutoffMinute, zone: zone) }
        let baseline = Baseline(forecast)
        comparison = ScenarioComparison(baseline: baseline, scenarios: scenarios, by: by, target: command.target)
        plan = command.target.map { baseline.latestSend(campaign, target: $0) }
        let outputs = OutputSet()
        try outputs.add(command.output, comparison.csv.utf8)
        if let svg = command.svg { try outputs.add(svg, try chart(title: "What if: forecast from \(zone.label(minute: cutoffMinute))").text.utf8) }
        try outputs.commit()
    }

    /// The comparison chart: the actual curve over the training window, baseline, scenarios, events.
    private func chart(title: String) throws -> SVGDocument {
        let actual = ScenarioChartData.actual(sale.revenue, cutoff: forecast.cutoff, minutes: train)
        let markers = comparison.scenarios.flatMap { s in s.events.map { (minute: $0.firstMinute, label: s.name) } }
        var options = ChartOptions()
        options.title = title
        options.timeZone = sale.revenue.zone
        return try ScenarioChartData.chart(comparison, actual: actual, markers: markers.filter { !$0.label.hasPrefix("all ") })
            .render(options)
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
        if let plan, let target = command.target {
            let goal = "\(NumberFormat.money(target)) by the end"
            switch plan {
            case .notNeeded: lines.append("target \(goal): reached without an e-mail")
            case .sendBy(let minute, let total):
                lines.append("target \(goal): send the e-mail by \(sale.revenue.zone.label(minute: minute)) (\(NumberFormat.money(total)))")
            case .unreachable(let minute, let total):
                lines.append("target \(goal): out of reach; the best send, \(sale.revenue.zone.label(minute: minute)), brings \(NumberFormat.money(total))")
            }
        }
        lines.append("wrote \(command.output)" + (command.svg.map { ", \($0)" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }
}
