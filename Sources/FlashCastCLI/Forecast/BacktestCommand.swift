import ArgumentParser
import FlashLua
import Forecasting
import SaleData

/// `flashcast backtest INPUT.csv --train 500 --horizon 200 --step 200 -o pieces.csv`: the rolling
/// evaluation, as `forecast.backtest` makes it.
struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Rolling back-test: train, forecast, move on by --step, over the whole sale.",
        discussion: """
            INPUT is an orders CSV or a per-minute CSV, as for 'flashcast forecast'. Pieces are forecast \
            from the cutoffs (0-based rows) train-1, train-1+step, ... while the whole horizon is known.

            Writes every piece's rows, cutoff,minute,step,actual,forecast,lower,upper, atomically, and \
            prints the model's metrics averaged over the pieces beside the baselines' (a table, or JSON \
            with --json, which also lists each piece's metrics). --svg draws the actual curve with every \
            piece over it.

            Exit status: 0 fine, 1 bad data or failed training, 2 usage error (including a sale too short \
            for one piece).
            """)

    @Argument(help: ArgumentHelp("Orders CSV or per-minute CSV of the sale.", valueName: "input.csv"))
    var input: String

    @Option(help: ArgumentHelp("Minutes of training data before each cutoff.", valueName: "minutes"))
    var train = 500

    @Option(help: ArgumentHelp("Minutes forecast by each piece.", valueName: "minutes"))
    var horizon = 200

    @Option(help: ArgumentHelp("Minutes between consecutive cutoffs.", valueName: "minutes"))
    var step = 200

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var reading: OrderReadingOptions

    func validate() throws {
        guard train > 0 else { throw ValidationError("--train must be a positive number of minutes") }
        guard horizon > 0 else { throw ValidationError("--horizon must be a positive number of minutes") }
        guard step > 0 else { throw ValidationError("--step must be a positive number of minutes") }
        try modelOptions.checkOutputs(input: input)
    }

    func run() throws {
        let (sale, backtest) = try CommandFailure.exitOnError(Self.self, train: train) { () throws -> (SaleInput, Backtest) in
            let sale = try SaleInput.load(input, reading: reading)
            var options = ForecastOptions(model: modelOptions.model, seed: modelOptions.seed, level: modelOptions.level)
            options.history = try modelOptions.earlierSale(reading)?.revenue
            let backtest = try Backtester.backtest(revenue: sale.revenue, train: train, horizon: horizon, step: step,
                                                   options: options)
            try modelOptions.write(ForecastReport.table(backtest)) {
                let title = "Rolling back-test: \(train) minutes in, \(horizon) out (\(modelOptions.model.rawValue))"
                return try ForecastSVG.backtest(backtest, revenue: sale.revenue, title: title)
            }
            return (sale, backtest)
        }
        modelOptions.report(modelOptions.json ? json(backtest).text : text(backtest, sale))
    }

    private func text(_ backtest: Backtest, _ sale: SaleInput) -> String {
        let pieces = backtest.pieces
        let table = MetricsTable(rows: ([backtest.summary] + backtest.baselines).map {
            .init(name: $0.model.rawValue, values: ForecastReport.values($0))
        })
        return [
            sale.summary,
            "back-test of \(backtest.summary.model.rawValue): \(pieces.count) pieces (train \(train), horizon \(horizon), "
                + "step \(step)), cutoffs \(pieces.first?.mean.label(at: -1) ?? "-") to \(pieces.last?.mean.label(at: -1) ?? "-")",
            "means over the pieces:",
            table.text.dropLast().description,
            "wrote \(modelOptions.output): \(pieces.count * horizon) rows" + (modelOptions.svg.map { ", \($0)" } ?? ""),
        ].joined(separator: "\n") + "\n"
    }

    private func json(_ backtest: Backtest) -> JSONValue {
        let summary = { (s: BacktestSummary) -> JSONValue in
            var fields = MetricsTable.json(ForecastReport.values(s))
            fields["pieces"] = .integer(s.pieces)
            return .object(fields)
        }
        let pieces = backtest.pieces.map { piece -> JSONValue in
            var metrics = MetricsTable.json(ForecastReport.values(piece.metrics))
            metrics["minutes"] = .integer(piece.metrics?.minutesCompared ?? 0)
            return .object(["cutoff": .string(piece.mean.label(at: -1)), "cutoff_row": .integer(piece.cutoff),
                            "metrics": .object(metrics)])
        }
        return .object([
            "command": .string("backtest"), "input": .string(input), "model": .string(backtest.summary.model.rawValue),
            "train": .integer(train), "horizon": .integer(horizon), "step": .integer(step),
            "level": .number(modelOptions.level), "pieces": .array(pieces), "summary": summary(backtest.summary),
            "baselines": .object(Dictionary(uniqueKeysWithValues: backtest.baselines.map { ($0.model.rawValue, summary($0)) })),
            "output": .string(modelOptions.output), "svg": .string(modelOptions.svg),
        ])
    }
}
