import ArgumentParser
import FlashLua
import Forecasting
import SaleData

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

            Writes cutoff,minute,step,actual,forecast,lower,upper atomically (cumulative money with two \
            decimals, step 1 to H, actual empty where unknown) and prints the metrics of the model and \
            of the baselines (drift, seasonal naive, the earlier sale's profile with --history) as a \
            table, or as JSON with --json: MAPE of the cumulative series, the horizon revenue error \
            hre@h = |(f[c+h]-y[c]) - (y[c+h]-y[c])| / (y[c+h]-y[c]) for h = 60, 200, 500 minutes, MASE against \
            drift, interval coverage and mean width; '-' (null) where undefined.

            Exit status: 0 fine, 1 bad data or failed training, 2 usage error (including a cutoff \
            outside the data or a training window that does not fit before it).
            """)

    @Argument(help: ArgumentHelp("Orders CSV or per-minute CSV of the sale.", valueName: "input.csv"))
    var input: String

    @Option(help: ArgumentHelp("Last observed minute: a 0-based row index or YYYY-MM-DDTHH:MM.", valueName: "T"))
    var cutoff: CutoffArgument

    @Option(help: ArgumentHelp("Minutes of training data ending at the cutoff (default 1000).", valueName: "minutes"))
    var train: Int?

    @Option(help: ArgumentHelp("Minutes to forecast after the cutoff (default 500).", valueName: "minutes"))
    var horizon: Int?

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var reading: OrderReadingOptions

    func validate() throws {
        if let train, train <= 0 { throw ValidationError("--train must be a positive number of minutes") }
        if let horizon, horizon <= 0 { throw ValidationError("--horizon must be a positive number of minutes") }
    }

    func run() throws {
        let (sale, forecast, trainMinutes) = try CommandFailure.exitOnError(Self.self, train: train ?? 1000) { () throws -> (SaleInput, Forecast, Int) in
            let sale = try SaleInput.load(input, reading: reading)
            let train = ModelOptions.minutes(train, default: 1000, in: sale.revenue)
            let horizon = ModelOptions.minutes(horizon, default: 500, in: sale.revenue)
            var options = ForecastOptions(train: train, horizon: horizon, model: modelOptions.model,
                                          seed: modelOptions.seed, level: modelOptions.level)
            options.cutoff = try cutoff.index(in: sale.revenue, file: sale.fileName)
            options.history = try modelOptions.earlierSale(reading)?.revenue
            let forecast = try Forecaster.forecast(revenue: sale.revenue, options: options)
            try ForecastReport.table(forecast).write(to: modelOptions.output)
            if let svg = modelOptions.svg {
                let title = "Forecast from \(forecast.mean.label(at: -1)) (\(forecast.model.rawValue))"
                try ForecastSVG.forecast(forecast, revenue: sale.revenue, train: train, title: title).save(to: svg)
            }
            return (sale, forecast, train)
        }
        print(modelOptions.json ? json(forecast, train: trainMinutes).text : text(forecast, sale), terminator: "")
    }

    private func metrics(_ forecast: Forecast) -> MetricsTable {
        MetricsTable(rows: [.init(name: forecast.model.rawValue, values: ForecastReport.values(forecast.metrics))]
            + forecast.baselines.map { .init(name: $0.model.rawValue, values: ForecastReport.values($0.metrics)) })
    }

    private func text(_ forecast: Forecast, _ sale: SaleInput) -> String {
        let end = forecast.rows - 1
        var lines = [
            sale.summary,
            "forecast from \(forecast.mean.label(at: -1)) (row \(forecast.cutoff)) to \(forecast.mean.label(at: end)), "
                + "\(forecast.horizon) minutes\(forecast.mean.step > 1 ? " in \(forecast.mean.step)-minute rows" : ""), "
                + "model \(forecast.model.rawValue)",
            "revenue at the cutoff \(money(forecast.observedTotal)); at the end \(money(forecast.mean.values[end])) "
                + "(\(ForecastReport.intervalLabel(forecast.level)) \(money(forecast.lower.values[end])) to "
                + "\(money(forecast.upper.values[end])))",
        ]
        if let compared = forecast.metrics?.minutesCompared {
            lines.append("against the actuals of \(compared) minutes:")
            lines.append(metrics(forecast).text.dropLast().description)
        } else {
            lines.append("no actuals after the cutoff: no metrics")
        }
        lines.append("wrote \(modelOptions.output): \(forecast.rows) rows" + (modelOptions.svg.map { ", \($0)" } ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }

    private func json(_ forecast: Forecast, train: Int) -> JSONValue {
        let end = forecast.rows - 1
        let baselines = forecast.baselines.map { ($0.model.rawValue, JSONValue.object(MetricsTable.json(ForecastReport.values($0.metrics)))) }
        var metrics = MetricsTable.json(ForecastReport.values(forecast.metrics))
        metrics["minutes"] = .integer(forecast.metrics?.minutesCompared ?? 0)
        return .object([
            "command": .string("forecast"), "input": .string(input), "model": .string(forecast.model.rawValue),
            "cutoff": .string(forecast.mean.label(at: -1)), "cutoff_row": .integer(forecast.cutoff),
            "train": .integer(train), "horizon": .integer(forecast.horizon), "level": .number(forecast.level),
            "observed": .number(forecast.observedTotal),
            "end": .object([
                "minute": .string(forecast.mean.label(at: end)), "forecast": .number(forecast.mean.values[end]),
                "lower": .number(forecast.lower.values[end]), "upper": .number(forecast.upper.values[end]),
            ]),
            "metrics": .object(metrics),
            "baselines": .object(Dictionary(uniqueKeysWithValues: baselines)),
            "output": .string(modelOptions.output), "svg": .string(modelOptions.svg),
        ])
    }
}

/// Money with two decimals, for the commands' messages.
func money(_ value: Double) -> String {
    ForecastTable.money(value)
}
