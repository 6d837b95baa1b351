import ArgumentParser
import Forecasting
import NumberText
import SaleData
import Scenarios

/// `flashcast whatif INPUT.csv --by country`: the grouped forecast reconciled as `forecast --by` makes
/// it, every scenario tried on each group (or on `--groups`) and, adding up, on the total.
struct GroupWhatIfRun {
    let sale: GroupedSaleInput
    let result: GroupForecast
    let effectSource: String
    let comparison: GroupScenarioComparison
    let plan: SendPlan?
    let command: WhatIfCommand
    /// The sale's last minute (epoch minute) from `--end`.
    let saleEnd: Int?

    init(_ command: WhatIfCommand, grouping: OrderGrouping) throws {
        self.command = command
        let sale = try GroupedSaleInput(command.input, reading: command.reading, history: command.history, grouping: grouping)
        self.sale = sale
        let total = sale.total
        if let unknown = command.groups?.names.sorted().first(where: { name in !sale.groups.contains { $0.name == name } }) {
            throw ValidationError("--groups names no group by \(grouping.label): '\(unknown)'")
        }
        let cutoff = try command.cutoff.index(in: total, file: sale.fileName)
        let options: ForecastOptions
        (options, saleEnd) = try command.forecastOptions(revenue: total, cutoff: cutoff, history: sale.totalHistory)
        result = try GroupForecaster.forecast(total: total, groups: sale.groups, options: command.grouped.options(options))
        let (campaign, source) = try command.events.campaign(observed: total.slice(0..<(cutoff + 1)), earlier: sale.totalHistory)
        effectSource = source
        let cutoffMinute = total.minute(at: cutoff), zone = total.zone
        let baseline = Baseline(result.total)
        comparison = GroupScenarioComparison(total: baseline, groups: result.groups.map { ($0.name, Baseline($0.forecast)) },
                                             scenarios: command.scenarios(campaign, after: cutoffMinute, zone: zone),
                                             only: command.groups?.names, by: command.byMinute(after: cutoffMinute, zone: zone),
                                             target: command.target)
        // the total's latest send assumes the e-mail goes to every group
        plan = command.groups == nil ? command.target.map { baseline.latestSend(campaign, target: $0) } : nil
        try command.write(csv: comparison.csv, chart: WhatIfRun.chart(comparison.total, revenue: total, cutoff: cutoff, train: options.train,
                                                                         subject: "the reconciled total, forecast"))
    }

    /// What the command prints: the total's scenarios as for one series, then every group's gains.
    func report() -> String {
        let forecast = result.total, end = forecast.rows - 1
        var lines = [
            sale.summary,
            "forecast from \(forecast.mean.label(at: -1)) to \(forecast.mean.label(at: end)) (\(forecast.horizon) minutes, model "
                + "\(forecast.model.rawValue), \(sale.groups.count) groups); revenue at the cutoff \(NumberFormat.money(forecast.observedTotal))",
            "reconciled: \(result.summary)",
            "e-mail effect: \(effectSource)" + (command.groups.map { "; sent to " + $0.names.sorted().joined(separator: ", ") + " only" } ?? ""),
            "the total:",
            comparison.total.summary.dropLast().description,
        ]
        if let plan { lines.append(command.planLine(plan, zone: forecast.mean.zone)) }
        lines.append("by group, gain at the end:")
        lines.append(comparison.gainsSummary.dropLast().description)
        lines.append("wrote \(command.output)" + (command.svg.map { ", \($0)" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }
}
