import ArgumentParser
import Forecasting
import SaleData
import SaleReports

/// `flashcast backtest INPUT.csv --train 500 --horizon 200 --step 200 -o pieces.csv`: the rolling
/// evaluation, as `forecast.backtest` makes it.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Rolling back-test: train, forecast, move on by --step, over the whole sale.",
        discussion: """
            INPUT is an orders CSV or a per-minute CSV, as for 'flashcast forecast'. Pieces are forecast \
            from the cutoffs train-1, train-1+step, ... while the whole horizon is known; --train, --horizon \
            and --step are minutes on any row step and must be whole numbers of rows (defaults 500, 200 \
            and 200, rounded up to whole rows).

            Writes every piece's rows, \(ForecastTable.header), atomically, and \
            prints the model's metrics averaged over the pieces beside the baselines' (a table, or JSON \
            with --json, which also lists each piece's metrics). --svg draws the actual curve with every \
            piece over it.

            --by country back-tests the total and every group as 'flashcast forecast --by' forecasts them \
            at each cutoff (reconciled; --reconciliation, --origins); the CSV gains a first column, group \
            ('(total)', '(direct)', then each group), the table lists each one's means over the pieces, and \
            --svg draws the reconciled total's pieces.

            Exit status: 0 fine, 1 bad data or failed training, 2 usage error (including a sale too short \
            for one piece).
            """)

    @Argument(help: ArgumentHelp("Orders CSV or per-minute CSV of the sale.", valueName: "input.csv"))
    var input: String

    @Option(help: ArgumentHelp("Minutes of training data before each cutoff (default 500).", valueName: "minutes"))
    var train: Int?

    @Option(help: ArgumentHelp("Minutes forecast by each piece (default 200).", valueName: "minutes"))
    var horizon: Int?

    @Option(help: ArgumentHelp("Minutes between consecutive cutoffs (default 200).", valueName: "minutes"))
    var step: Int?

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var reading: OrderReadingOptions

    @OptionGroup var grouping: GroupingOptions

    @OptionGroup var grouped: ReconciliationArguments

    func validate() throws {
        try grouped.validate(grouped: grouping.by != nil)
        if grouping.by != nil, modelOptions.json { throw ValidationError("--json is for one series, not with --by") }
        for (name, value) in [("--train", train), ("--horizon", horizon), ("--step", step)] {
            if let value, value <= 0 { throw ValidationError("\(name) must be a positive number of minutes") }
        }
        try modelOptions.checkOutputs(input: input)
    }

    /// The lengths in minutes, defaults rounded up to whole rows of `revenue`.
    private struct Lengths {
        let train: Int, horizon: Int, step: Int
    }

    func run() throws {
        if let grouping = grouping.grouping {
            let run = try CommandFailure.exitOnError(Self.self, train: train ?? 500) {
                try GroupBacktestCommandRun(self, grouping: grouping)
            }
            return modelOptions.report(run.text(output: modelOptions.output))
        }
        let (sale, backtest, lengths) = try CommandFailure.exitOnError(Self.self, train: train ?? 500) { () throws -> (SaleInput, Backtest, Lengths) in
            let sale = try SaleInput.load(input, reading: reading)
            let lengths = Lengths(train: ModelOptions.minutes(train, default: 500, in: sale.revenue),
                                  horizon: ModelOptions.minutes(horizon, default: 200, in: sale.revenue),
                                  step: ModelOptions.minutes(step, default: 200, in: sale.revenue))
            let (train, horizon, step) = (lengths.train, lengths.horizon, lengths.step)
            var options = ForecastOptions(model: modelOptions.model, seed: modelOptions.seed)
            options.levels = modelOptions.level.values
            options.history = try modelOptions.earlierSale(reading)?.revenue
            let backtest = try Backtester.backtest(revenue: sale.revenue, train: train, horizon: horizon, step: step,
                                                   options: options)
            try modelOptions.write(ForecastTable(backtest)) {
                let title = "Rolling back-test: \(train) minutes in, \(horizon) out (\(modelOptions.model.rawValue))"
                return try ChartDrawing.backtest(backtest, revenue: sale.revenue).render(title: title)
            }
            return (sale, backtest, lengths)
        }
        modelOptions.report(modelOptions.json ? json(backtest, lengths).text : text(backtest, sale, lengths))
    }

    private func text(_ backtest: Backtest, _ sale: SaleInput, _ lengths: Lengths) -> String {
        let (train, horizon, step) = (lengths.train, lengths.horizon, lengths.step)
        let pieces = backtest.pieces
        let table = MetricsTable(rows: ([backtest.summary] + backtest.baselines).map {
            .init(name: $0.model.rawValue, metrics: $0)
        })
        return [
            sale.summary,
            "back-test of \(backtest.summary.model.rawValue): \(pieces.count) pieces (train \(train), horizon \(horizon), "
                + "step \(step)), cutoffs \(pieces.first?.mean.label(at: -1) ?? "-") to \(pieces.last?.mean.label(at: -1) ?? "-")",
            "means over the pieces:",
            table.text.dropLast().description,
            "wrote \(modelOptions.output): \(pieces.reduce(0) { $0 + $1.rows }) rows" + (modelOptions.svg.map { ", \($0)" } ?? ""),
        ].joined(separator: "\n") + "\n"
    }

    private func json(_ backtest: Backtest, _ lengths: Lengths) -> JSONValue {
        let summary = { (s: BacktestSummary) -> JSONValue in
            var fields = MetricsTable.json(s)
            fields["pieces"] = .integer(s.pieces)
            return .object(fields)
        }
        let pieces = backtest.pieces.map { piece -> JSONValue in
            var metrics = MetricsTable.json(piece.metrics)
            metrics["minutes"] = .integer(piece.metrics?.minutesCompared ?? 0)
            return .object(["cutoff": .string(piece.mean.label(at: -1)), "cutoff_row": .integer(piece.cutoff),
                            "metrics": .object(metrics)])
        }
        return .object([
            "command": .string("backtest"), "input": .string(input), "model": .string(backtest.summary.model.rawValue),
            "train": .integer(lengths.train), "horizon": .integer(lengths.horizon), "step": .integer(lengths.step),
            "level": .number(modelOptions.level.values[0]), "levels": .array(modelOptions.level.values.map { .number($0) }), "pieces": .array(pieces), "summary": summary(backtest.summary),
            "baselines": .object(Dictionary(uniqueKeysWithValues: backtest.baselines.map { ($0.model.rawValue, summary($0)) })),
            "output": .string(modelOptions.output), "svg": .string(modelOptions.svg),
        ])
    }
}
