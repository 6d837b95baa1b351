import ArgumentParser
import Cancellation
import Forecasting
import NumberText
import SafeOutput
import SaleData
import SaleReports

/// `flashcast forecast INPUT.csv --by country`: the total and every group forecast and reconciled.
struct GroupForecastCommandRun {
    let result: GroupForecast
    let groups: [GroupSeries]
    let summary: String
    /// The sale's last minute (epoch minute) from `--end`.
    let saleEnd: Int?

    init(_ command: ForecastCommand, grouping: OrderGrouping) throws {
        guard command.events.isEmpty else { throw ValidationError("--email and --discount are for one series, not with --by") }
        guard command.rateSvg == nil else { throw ValidationError("--rate-svg is for one series, not with --by") }
        let sale = try GroupedSaleInput(command.input, reading: command.reading, history: command.modelOptions.history, grouping: grouping)
        summary = sale.summary
        groups = sale.groups
        let total = sale.total
        let cutoff = try command.cutoff.index(in: total, file: sale.fileName)
        let train = ModelOptions.minutes(command.train, default: 1000, in: total)
        saleEnd = try command.end.minute(after: cutoff, in: total)
        let toEnd = saleEnd.map { SaleEndArgument.horizon(to: $0, cutoff: cutoff, in: total) }
        var forecast = ForecastOptions(cutoff: cutoff, train: train,
                                       horizon: ModelOptions.minutes(command.horizon ?? toEnd, default: 500, in: total),
                                       model: command.modelOptions.model, seed: command.modelOptions.seed)
        forecast.levels = command.modelOptions.level.values
        forecast.history = sale.totalHistory
        result = try GroupForecaster.forecast(total: total, groups: groups, options: command.grouped.options(forecast))
        let result = result
        try command.modelOptions.write(csv: Self.csv(result)) {
            let title = "Forecast from \(result.total.mean.label(at: -1)) (\(result.total.model.rawValue), reconciled)"
            return try ChartDrawing.forecast(result.total, revenue: total, train: train).render(title: title)
        }
    }

    /// `group,cutoff,minute,step,actual,forecast,lower,upper`: the reconciled total as `(total)`, the total
    /// forecast directly as `(direct)`, then each group (their rows written on every core, in this order).
    static func csv(_ result: GroupForecast) throws -> [String] {
        let nodes = [("(total)", result.total), ("(direct)", result.direct)] + result.groups.map { ($0.name, $0.forecast) }
        return try GroupedSaleInput.csv(nodes.map { ($0, ForecastTable($1)) }, zone: result.total.mean.zone)
    }

    /// The report: the reconciliation and why, then each forecast's end value, band and error.
    func text(output: String) -> String {
        let total = result.total
        let end = total.rows - 1
        var lines = [summary,
                     "forecast from \(total.mean.label(at: -1)) (row \(total.cutoff)) to \(total.mean.label(at: end)), "
                         + "\(total.horizon) minutes, model \(total.model.rawValue), \(groups.count) groups",
                     "reconciled: \(result.summary)"]
        if let line = SaleEndArgument.reportLine(saleEnd, mean: total.mean) { lines.insert(line, at: 2) }
        let level = ForecastReport.intervalLabel(total.level)
        var rows = [["group", "at the cutoff", "at the end", level, Metric.hre500.heading]]
        let nodes = [("(total)", total), ("(direct)", result.direct)] + result.groups.map { (PrintableText.escaped($0.name), $0.forecast) }
        for (name, forecast) in nodes {
            rows.append([name, NumberFormat.money(forecast.observedTotal), NumberFormat.money(forecast.mean.values[end]),
                         NumberFormat.money(forecast.lower.values[end]) + " to " + NumberFormat.money(forecast.upper.values[end]),
                         Metric.hre500.format.text(forecast.metrics?[.hre500])])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append(row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  "))
        }
        lines.append("wrote \(output): \(nodes.count) forecasts of \(total.rows) rows")
        return lines.joined(separator: "\n") + "\n"
    }
}
