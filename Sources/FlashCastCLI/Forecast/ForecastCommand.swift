import ArgumentParser
import FlashREPL
import Forecasting
import NumberText
import SaleData
import SaleReports
import Scenarios

extension Reconciliation: ExpressibleByArgument {}

/// `flashcast forecast INPUT.csv --cutoff T -o forecast.csv`: one forecast, as `forecast.run` makes it.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast cumulative revenue after a cutoff, with an interval, beside the baselines.",
        discussion: """
            INPUT is an orders CSV export (read as 'flashcast aggregate' reads it: --map, --tz, --from/--to, \
            --currency, --rates, --lenient) or a per-minute CSV whose header starts with 'minute' and has a \
            'revenue' column (as 'flashcast aggregate' writes it; --tz and --from/--to apply).

            --cutoff is the last observed minute: a 0-based row index of the per-minute revenue or a time \
            YYYY-MM-DDTHH:MM in the shop's zone; the model trains on the --train minutes up to it and \
            forecasts the --horizon minutes after it. --train and --horizon are minutes on any row step \
            (a per-minute CSV of 5-minute rows forecasts 100 rows for --horizon 500) and must be whole \
            numbers of rows; their defaults, 1000 and 500, are rounded up to whole rows. Rows after the cutoff are never shown to the model; \
            where they exist they are the actuals the metrics compare with.

            Writes \(ForecastTable.header) atomically (cumulative money with two \
            decimals, step the minutes ahead, 1 to H (5, 10, ... on 5-minute rows), actual empty where unknown; with several levels, --level 0.5,0.8,0.95, \
            \(ForecastTable.boundColumns(["50", "80", "95"])): nested bands, the first level the main one) and prints the metrics of the model and \
            of the baselines (\(ForecastModel.baselineList(needing: "--history"))) as a \
            table, or as JSON with --json: MAPE of the cumulative series, the horizon revenue error \
            hre@h = |(f[c+h]-y[c]) - (y[c+h]-y[c])| / (y[c+h]-y[c]) for h = \(ForecastMetrics.horizons.map(String.init).joined(separator: ", ")) minutes, MASE against \
            drift, interval coverage and mean width (with several levels, each band's coverage too); \
            '-' (null) where undefined.

            --end WHEN is the sale's last minute (HH:MM, the next such minute after the cutoff, or \
            YYYY-MM-DDTHH:MM): without --horizon the forecast runs to it; with a --horizon that runs past \
            it, a warning goes to standard error. Planned events are forecast, as 'flashcast whatif' names \
            them: --email WHEN (repeatable; its effect --lift, --half-life, --rise, or learned with \
            --history-email / --learn-email, else a typical e-mail) and --discount WHEN:LIFT; events sent \
            by the cutoff are taken out of what the model learns from and their tails carried on.

            --rate-svg draws revenue per --rate-step minutes (default 15): the sale's steps over the \
            training window (and after the cutoff where known), the forecast's steps with the range the \
            observed steps spread over around their local average (at the forecast's level), "now" and the \
            planned events; each value sits at the last minute of its step.

            --by country forecasts the total and every group (an orders CSV; --history, when an orders CSV, \
            is grouped the same way and each group gets its own) and reconciles them so that the groups add \
            up to the total: --reconciliation bottom_up or wls (default: the one whose back-test over \
            --origins earlier cutoffs erred least). The CSV gains a first column, group: '(total)' the \
            reconciled total, '(direct)' the total forecast on its own, then each group; --svg draws the \
            reconciled total.

            Exit status: 0 fine, 1 bad data or failed training, 2 usage error (including a cutoff \
            outside the data or a training window that does not fit before it).
            """)

    @Argument(help: ArgumentHelp("Orders CSV or per-minute CSV of the sale.", valueName: "input.csv"))
    var input: String

    @Option(help: ArgumentHelp("Last observed minute: a 0-based row index or YYYY-MM-DDTHH:MM.", valueName: "T"))
    var cutoff: CutoffArgument

    @Option(help: ArgumentHelp("Minutes of training data ending at the cutoff (default 1000).", valueName: "minutes"))
    var train: Int?

    @Option(help: ArgumentHelp("Minutes to forecast after the cutoff (default: to --end, else 500).", valueName: "minutes"))
    var horizon: Int?

    @OptionGroup var end: SaleEndArgument

    @OptionGroup var events: EventArguments

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: ArgumentHelp("Also draw revenue per step (actual, forecast, its range, now, events) as SVG.", valueName: "rate.svg"))
    var rateSvg: String?

    @Option(help: ArgumentHelp("Minutes per step of --rate-svg (default 15; a multiple of the rows' step).", valueName: "minutes"))
    var rateStep: Int?

    @OptionGroup var reading: OrderReadingOptions

    @OptionGroup var grouping: GroupingOptions

    @OptionGroup var grouped: ReconciliationArguments

    func validate() throws {
        try grouped.validate(grouped: grouping.by != nil)
        if let train, train <= 0 { throw ValidationError("--train must be a positive number of minutes") }
        if let horizon, horizon <= 0 { throw ValidationError("--horizon must be a positive number of minutes") }
        try events.validate(hasHistory: modelOptions.history != nil)
        if let rateStep, rateStep <= 0 { throw ValidationError("--rate-step must be a positive number of minutes") }
        try modelOptions.checkOutputs(input: input, extra: [("--rate-svg", rateSvg)])
    }

    func run() throws {
        if let grouping = grouping.grouping {
            let run = try CommandFailure.exitOnError(Self.self, train: train ?? 1000) {
                try GroupForecastCommandRun(self, grouping: grouping)
            }
            if let warning = SaleEndArgument.warning(run.saleEnd, mean: run.result.total.mean) { StandardError.write(warning) }
            return modelOptions.report(run.text(output: modelOptions.output))
        }
        let run = try CommandFailure.exitOnError(Self.self, train: train ?? 1000) { try ForecastRun(self) }
        if let warning = run.pastEndWarning { StandardError.write(warning) }
        modelOptions.report(modelOptions.json ? json(run).text : text(run), extra: [rateSvg])
    }

    private func text(_ run: ForecastRun) -> String {
        let forecast = run.forecast, sale = run.sale
        let end = forecast.rows - 1
        var lines = [
            sale.summary,
            "forecast from \(forecast.mean.label(at: -1)) (row \(forecast.cutoff)) to \(forecast.mean.label(at: end)), "
                + "\(forecast.horizon) minutes\(forecast.mean.step > 1 ? " in \(forecast.mean.step)-minute rows" : ""), "
                + "model \(forecast.model.rawValue)",
            "revenue at the cutoff \(NumberFormat.money(forecast.observedTotal)); at the end \(NumberFormat.money(forecast.mean.values[end])) ("
                + forecast.bands.map {
                    "\(ForecastReport.intervalLabel($0.level)) \(NumberFormat.money($0.lower.values[end])) to \(NumberFormat.money($0.upper.values[end]))"
                }.joined(separator: "; ") + ")",
        ]
        if let line = SaleEndArgument.reportLine(run.saleEnd, mean: forecast.mean) { lines.append(line) }
        if !run.planned.isEmpty { lines.append("planned: " + run.planned.joined(separator: ", ")) }
        if let source = run.effectSource { lines.append("e-mail effect: \(source)") }
        if let compared = forecast.metrics?.minutesCompared {
            lines.append("against the actuals of \(compared) minutes:")
            lines.append(MetricsTable(forecast).text.dropLast().description)
        } else {
            lines.append("no actuals after the cutoff: no metrics")
        }
        lines.append("wrote \(modelOptions.output): \(forecast.rows) rows" + [modelOptions.svg, rateSvg].compactMap { $0.map { ", \($0)" } }.joined())
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ run: ForecastRun) -> JSONValue {
        let forecast = run.forecast
        let end = forecast.rows - 1
        let baselines = forecast.baselines.map { ($0.model.rawValue, JSONValue.object(MetricsTable.json($0.metrics))) }
        var metrics = MetricsTable.json(forecast.metrics)
        metrics["minutes"] = .integer(forecast.metrics?.minutesCompared ?? 0)
        return .object([
            "command": .string("forecast"), "input": .string(input), "model": .string(forecast.model.rawValue),
            "cutoff": .string(forecast.mean.label(at: -1)), "cutoff_row": .integer(forecast.cutoff),
            "train": .integer(run.train), "horizon": .integer(forecast.horizon), "level": .number(forecast.level),
            "levels": .array(forecast.bands.map { .number($0.level) }),
            "observed": .number(forecast.observedTotal),
            "end": .object([
                "minute": .string(forecast.mean.label(at: end)), "forecast": .number(forecast.mean.values[end]),
                "lower": .number(forecast.lower.values[end]), "upper": .number(forecast.upper.values[end]),
            ]),
            "metrics": .object(metrics),
            "baselines": .object(Dictionary(uniqueKeysWithValues: baselines)),
            "sale_end": .string(run.saleEnd.map(forecast.mean.zone.label(minute:))),
            "planned": .array(run.planned.map { .string($0) }),
            "output": .string(modelOptions.output), "svg": .string(modelOptions.svg), "rate_svg": .string(rateSvg),
        ])
    }
}
