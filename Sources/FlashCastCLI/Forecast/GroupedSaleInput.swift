import ArgumentParser
import Cancellation
import Forecasting
import SaleData
import SaleReports

/// An orders export read by groups for `forecast --by`, `backtest --by` and `whatif --by`: the total, each group with
/// its own earlier sale (when `--history` is an orders export read by the same groups), and the summary line.
struct GroupedSaleInput {
    let total: Series
    let totalHistory: Series?
    let groups: [GroupSeries]
    let summary: String
    /// The file's name, for messages.
    let fileName: String

    init(_ input: String, reading: OrderReadingOptions, history: String?, grouping: OrderGrouping) throws {
        guard !Series.isMinuteCSV(path: input) else { throw ValidationError("--by needs an orders CSV, not a per-minute file") }
        let sale = try OrdersReader.read(path: input, options: try reading.readOptions(countCustomers: false), grouping: grouping)
        fileName = InputFile.name(input)
        summary = "\(fileName): \(sale.total.report)"
        total = sale.total.table.revenue
        guard total.count > 0 else { throw InputError(description: "\(fileName): no minutes to forecast from") }
        var histories: [String: Series] = [:]
        var totalHistory: Series?
        if let path = history {
            if Series.isMinuteCSV(path: path) {
                totalHistory = try SaleInput.load(path, reading: reading, asHistory: true).revenue
            } else {
                let earlier = try OrdersReader.read(path: path, options: try reading.readOptions(countCustomers: false, windowed: false),
                                                    grouping: grouping)
                totalHistory = earlier.total.table.revenue
                for group in earlier.groups { histories[group.name] = group.table.revenue }
            }
        }
        self.totalHistory = totalHistory
        groups = sale.groups.map { GroupSeries(name: $0.name, revenue: $0.table.revenue, history: histories[$0.name]) }
    }
}

extension GroupedSaleInput {
    /// The tables as one CSV whose first column, `group`, names each table's rows, every minute
    /// labelled in `zone` (the shop's: a group's own zone labels its series only, as `aggregate --by` writes):
    /// the header line, then each table's rows (made on every core), to be written one after another
    /// (not joined: a thousand groups' rows are tens of megabytes).
    static func csv(_ tables: [(name: String, table: ForecastTable)], zone: ShopZone) throws -> [String] {
        guard let first = tables.first else { return [] }
        let rows = try ParallelJobs.map(tables.count) { index in
            var table = tables[index].table
            for piece in table.pieces.indices { table.pieces[piece].mean.zone = zone }
            return table.rows(prefix: GroupedOrders.csvField(tables[index].name) + ",")
        }
        return ["group," + first.table.header + "\n"] + rows
    }
}

/// `--reconciliation` and `--origins`, for the commands that forecast groups (`--by`).
struct ReconciliationArguments: ParsableArguments {
    @Option(help: ArgumentHelp("With --by: bottom_up or wls (default: chosen by back-test).", valueName: "method"))
    var reconciliation: Reconciliation?

    @Option(help: ArgumentHelp("With --by: earlier cutoffs the back-test choosing the reconciliation tries.", valueName: "n"))
    var origins = 3

    /// Checks the options go with `--by` (`grouped`) and are in range.
    func validate(grouped: Bool) throws {
        if !grouped, reconciliation != nil || origins != 3 { throw ValidationError("--reconciliation and --origins go with --by") }
        guard origins >= 1 else { throw ValidationError("--origins must be at least 1") }
    }

    /// The group options with `forecast`'s settings.
    func options(_ forecast: ForecastOptions) -> GroupForecastOptions {
        var options = GroupForecastOptions(forecast: forecast, reconciliation: reconciliation)
        options.origins = origins
        return options
    }
}
