import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FlashREPL
import NumberText
import OrderSources
import SafeOutput
import SaleData

/// `flashcast aggregate ORDERS.csv -o minutes.csv`: the orders of a sale per minute, as `orders.read` reads them;
/// with `--db URL --table NAME`, as `orders.query` asks a database for them.
struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn an orders CSV into revenue, orders, customers and cumulative revenue per minute.",
        discussion: """
            Writes minute,revenue,orders,customers,cumulative (minute as YYYY-MM-DDTHH:MM in the shop's zone, \
            money with two decimals) atomically, every minute present ('-o -': standard output, the report then \
            goes to standard error). Without a customer column, or with --step above 1 (distinct customers per \
            minute do not add up), the customers column is left out.

            A bad row stops with file:line:column and exit status 1; --lenient skips bad rows and reports them \
            (a file whose every row is bad still fails). Decimal commas (12,50, 1.234,50) and numeric dates \
            (29.11.2024 10:00, 29/11/2024 10:00) are found in the file; when it cannot tell (only 1.234, or \
            only days up to 12) the error names --decimal or --dates, which say it instead.

            With --db URL --table NAME (--map time=,amount=,customer= naming its columns; --where filtering its \
            rows) the database sums each minute and the file is the same as from an export of those orders; \
            with --currency USD --rates EUR=1.08,... it converts each order's amount by its code in the column \
            currency (or --map currency=...) as the CSV reader does.

            --by country writes the breakdown instead: one long CSV with the columns group, minute, revenue, \
            orders, customers and cumulative (each group's minutes over the whole sale, in the shop's zone, groups \
            in name order; with --db the database groups by group and minute); the groups add up to the total. --max-groups (10000) stops a \
            read that makes one more group (grouping by an id by mistake), naming its row.

            --svg chart.svg also draws revenue per step (of the total) as bars with the running total on a second \
            axis; both files are written only when both succeed. An output that is the input or the other output is a usage \
            error (exit status 2).
            """)

    @Argument(help: ArgumentHelp("The orders CSV export (or --db).", valueName: "orders.csv"))
    var input: String?

    @OptionGroup var database: DatabaseOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The per-minute CSV to write.", valueName: "minutes.csv"))
    var output: String

    @OptionGroup var reading: OrderReadingOptions

    @OptionGroup var grouping: GroupingOptions

    @Option(help: ArgumentHelp("Also draw revenue per step and its running total as an SVG chart.", valueName: "chart.svg"))
    var svg: String?

    @Option(help: ArgumentHelp("Minutes per row: 1, 5, 15 or 60 (aligned to the shop's clock).", valueName: "minutes"))
    var step = 1

    func validate() throws {
        guard [1, 5, 15, 60].contains(step) else { throw ValidationError("--step must be 1, 5, 15 or 60") }
        try database.validate(input: input, map: reading.fields.map, lenient: reading.lenient, currency: reading.currency)
        if database.db != nil, reading.fields.decimal != nil || reading.fields.dates != nil {
            throw ValidationError("--decimal and --dates are for CSV files (a database's columns have types)")
        }
        try CommandOutputs.check([("-o", output), ("--svg", svg)], inputs: [("the input", input)])
    }

    func run() throws {
        guard let input else { return try runDatabase() }
        let options = try reading.readOptions(countCustomers: step == 1)
        let result: OrdersResult
        var groups: [OrderGroup]?
        do {
            result = try CommandInterruption.exitingOnStop {
                guard let grouping = grouping.grouping else {
                    let result = try OrdersReader.read(path: input, options: options)
                    try write(result.table, source: input)
                    return result
                }
                let grouped = try OrdersReader.read(path: input, options: options, grouping: grouping)
                try write(grouped.total.table, source: input, csv: grouped.csvData(step: step))
                groups = grouped.groups
                return grouped.total
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardError.write("flashcast: \(error)\n")
            throw ExitCode(1)
        }
        var lines = ["\(result.report)"]
        for (reason, examples) in result.report.examples.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(reason):")
            for example in examples { lines.append("    \(example)") }
        }
        lines += wroteLines(result.table, groups: groups)
        CommandOutputs.report(lines.joined(separator: "\n") + "\n", outputs: [output, svg])
    }

    /// What was written: the minutes and revenue, and with `--by` the groups.
    private func wroteLines(_ table: MinuteTable, groups: [OrderGroup]?) -> [String] {
        let wrote = "wrote \(output): \(table.count) minutes, revenue \(NumberFormat.cents(table.totalCents))"
        guard let groups, let by = grouping.grouping?.label else { return [wrote] }
        return GroupingOptions.summary(groups, by: by, totalCents: table.totalCents) + [wrote]
    }

    /// Writes the CSV (the total's, unless `csv` gives the groups' long one) and the chart, committed together.
    private func write(_ table: MinuteTable, source: String, csv: Data? = nil) throws {
        let outputs = OutputSet()
        try outputs.add(output, csv ?? table.csvData(step: step))
        if let svg {
            let chart = try RevenueChartFile.chart(table, step: step, currency: reading.currency, source: source)
            try outputs.add(svg, chart.text.utf8)
        }
        try outputs.commit()
    }

    /// Reads from the database; a Ctrl-C (or SIGTERM) stops a query in progress as it stops a CSV reading.
    private func runDatabase() throws {
        do {
            try CommandInterruption.exitingOnStop {
                let table: MinuteTable, source: String
                var groups: [OrderGroup]?
                if let column = self.grouping.by, let grouping = self.grouping.grouping {
                    let read = try database.readGroups(map: reading.fields.map, zone: reading.tz, window: try reading.window(),
                                                       customers: step == 1, rates: reading.money.currencyRates,
                                                       grouping: grouping, column: column)
                    (table, source, groups) = (read.total, read.source, read.groups)
                    let csv = GroupedOrders.csvData(read.groups, zone: table.zone, customers: table.hasCustomerColumn(step: step),
                                                    step: step)
                    try write(table, source: source, csv: csv)
                } else {
                    (table, source) = try database.read(map: reading.fields.map, zone: reading.tz, window: try reading.window(),
                                                        customers: step == 1, rates: reading.money.currencyRates)
                    try write(table, source: source)
                }
                let lines = ["read \(table.orders.reduce(0, +)) orders from \(source)"] + wroteLines(table, groups: groups)
                CommandOutputs.report(lines.joined(separator: "\n") + "\n", outputs: [output, svg])
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardError.write("flashcast: \(error)\n")
            throw ExitCode(1)
        }
    }
}
