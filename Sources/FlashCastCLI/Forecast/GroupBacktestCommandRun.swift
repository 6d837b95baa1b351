import Forecasting
import SafeOutput
import SaleData
import SaleReports

/// `flashcast backtest INPUT.csv --by country`: every cutoff's grouped forecast, reconciled as `forecast --by` does.
struct GroupBacktestCommandRun {
    let result: GroupBacktest
    let sale: GroupedSaleInput
    let lengths: (train: Int, horizon: Int, step: Int)

    init(_ command: BacktestCommand, grouping: OrderGrouping) throws {
        sale = try GroupedSaleInput(command.input, reading: command.reading, history: command.modelOptions.history, grouping: grouping)
        lengths = (ModelOptions.minutes(command.train, default: 500, in: sale.total),
                   ModelOptions.minutes(command.horizon, default: 200, in: sale.total),
                   ModelOptions.minutes(command.step, default: 200, in: sale.total))
        var forecast = ForecastOptions(model: command.modelOptions.model, seed: command.modelOptions.seed)
        forecast.levels = command.modelOptions.level.values
        forecast.history = sale.totalHistory
        result = try GroupBacktester.backtest(total: sale.total, groups: sale.groups, train: lengths.train, horizon: lengths.horizon,
                                              step: lengths.step, options: command.grouped.options(forecast))
        let (result, revenue, lengths, model) = (result, sale.total, lengths, command.modelOptions.model)
        try command.modelOptions.write(csv: Self.csv(result, zone: revenue.zone)) {
            let title = "Rolling back-test of the reconciled total: \(lengths.train) minutes in, \(lengths.horizon) out (\(model.rawValue))"
            return try ChartDrawing.backtest(result.total, revenue: revenue).render(title: title)
        }
    }

    /// The nodes in the order the CSV and the table list them: `(total)`, `(direct)`, then each group.
    private static func nodes(_ result: GroupBacktest) -> [(name: String, backtest: Backtest)] {
        [("(total)", result.total), ("(direct)", result.direct)] + result.groups
    }

    /// `group,cutoff,minute,step,actual,forecast,lower,upper`: every node's pieces, labelled in `zone`.
    static func csv(_ result: GroupBacktest, zone: ShopZone) throws -> [String] {
        try GroupedSaleInput.csv(nodes(result).map { ($0.name, ForecastTable($0.backtest)) }, zone: zone)
    }

    /// The report: how the pieces were reconciled, then each node's metrics averaged over the pieces.
    func text(output: String) -> String {
        let pieces = result.total.pieces
        var table = MetricsTable(rows: Self.nodes(result).map { .init(name: PrintableText.escaped($0.name), metrics: $0.backtest.summary) })
        table.nameHeading = "group"
        return [
            sale.summary,
            "back-test of \(result.total.summary.model.rawValue) by group: \(pieces.count) pieces (train \(lengths.train), horizon "
                + "\(lengths.horizon), step \(lengths.step)), \(sale.groups.count) groups, cutoffs \(pieces.first?.mean.label(at: -1) ?? "-")"
                + " to \(pieces.last?.mean.label(at: -1) ?? "-")",
            "reconciled: \(result.summary)",
            "means over the pieces:",
            table.text.dropLast().description,
            "wrote \(output): \(Self.nodes(result).count) back-tests of \(pieces.count) pieces",
        ].joined(separator: "\n") + "\n"
    }
}
