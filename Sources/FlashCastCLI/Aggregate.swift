import ArgumentParser
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
            Writes minute,revenue,orders,customers,cumulative (minute as YYYY-MM-DDTHH:MM in the shop's zone,
            money with two decimals) atomically, every minute present ('-o -': standard output, the report then
            goes to standard error). Without a customer column, or with
            --step above 1 (distinct customers per minute do not add up), the customers column is left out.
            A bad row stops with file:line:column and exit status 1; --lenient skips bad rows and reports them
            (a file whose every row is bad still fails). Decimal commas (12,50, 1.234,50) and numeric dates
            (29.11.2024 10:00, 29/11/2024 10:00) are found in the file; when it cannot tell (only 1.234, or
            only days up to 12) the error names --decimal or --dates, which say it instead.
            With --db URL --table NAME (--map time=,amount=,customer= naming its columns; --where filtering its
            rows) the database sums each minute and the file is the same as from an export of those orders.
            --svg chart.svg also draws revenue per step as bars with the running total on a second axis; both
            files are written only when both succeed. An output that is the input or the other output is a usage
            error (exit status 2).
            """)

    @Argument(help: ArgumentHelp("The orders CSV export (or --db).", valueName: "orders.csv"))
    var input: String?

    @OptionGroup var database: DatabaseOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The per-minute CSV to write.", valueName: "minutes.csv"))
    var output: String

    @OptionGroup var reading: OrderReadingOptions

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
        do {
            result = try CommandInterruption.exitingOnStop {
                let result = try OrdersReader.read(path: input, options: options)
                try write(result.table, source: input)
                return result
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
        lines.append("wrote \(output): \(result.table.count) minutes, revenue \(NumberFormat.cents(result.table.totalCents))")
        CommandOutputs.report(lines.joined(separator: "\n") + "\n", outputs: [output, svg])
    }

    /// Writes the CSV and the chart, committed together.
    private func write(_ table: MinuteTable, source: String) throws {
        let outputs = OutputSet()
        try outputs.add(output, table.csvData(step: step))
        if let svg {
            let chart = try RevenueChartFile.chart(table, step: step, currency: reading.currency, source: source)
            try outputs.add(svg, chart.text.utf8)
        }
        try outputs.commit()
    }

    private func runDatabase() throws {
        do {
            let (table, source) = try database.read(map: reading.fields.map, zone: reading.tz, window: try reading.window(),
                                                  customers: step == 1)
            try write(table, source: source)
            CommandOutputs.report("read \(table.orders.reduce(0, +)) orders from \(source)\n"
                + "wrote \(output): \(table.count) minutes, revenue \(NumberFormat.cents(table.totalCents))\n", outputs: [output, svg])
        } catch {
            StandardError.write("flashcast: \(error)\n")
            throw ExitCode(1)
        }
    }
}
