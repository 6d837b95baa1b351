import ArgumentParser
import FlashREPL
import SaleData

/// `flashcast aggregate ORDERS.csv -o minutes.csv`: the orders of a sale per minute, as `orders.read` reads them.
struct Aggregate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn an orders CSV into revenue, orders, customers and cumulative revenue per minute.",
        discussion: """
            Writes minute,revenue,orders,customers,cumulative (minute as YYYY-MM-DDTHH:MM in the shop's zone,
            money with two decimals) atomically, every minute present. Without a customer column, or with
            --step above 1 (distinct customers per minute do not add up), the customers column is left out.
            A bad row stops with file:line:column and exit status 1; --lenient skips bad rows and reports them.
            """)

    @Argument(help: ArgumentHelp("The orders CSV export.", valueName: "orders.csv"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The per-minute CSV to write.", valueName: "minutes.csv"))
    var output: String

    @Option(help: ArgumentHelp("Header names of the fields: id, time, customer, amount, currency, status.",
                               valueName: "time=created_at,amount=total"))
    var map: ColumnMap?

    @Option(help: ArgumentHelp("Shop time zone: times without offset and minute labels.", valueName: "+08:00"))
    var tz = ShopZone.utc

    @Option(help: ArgumentHelp("First minute of the window (a time or a date).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("Last minute of the window, included.", valueName: "time"))
    var to: String?

    @Option(help: ArgumentHelp("Minutes per row: 1, 5, 15 or 60 (aligned to the shop's clock).", valueName: "minutes"))
    var step = 1

    @Option(help: ArgumentHelp("Reporting currency of a currency column.", valueName: "code"))
    var currency: String?

    @Option(help: ArgumentHelp("Rates to the reporting currency.", valueName: "EUR=1.08,GBP=1.25"))
    var rates: RateList?

    @Flag(help: "Skip bad rows and report them instead of stopping at the first.")
    var lenient = false

    func validate() throws {
        guard [1, 5, 15, 60].contains(step) else { throw ValidationError("--step must be 1, 5, 15 or 60") }
        guard (from == nil) == (to == nil) else { throw ValidationError("--from and --to go together") }
        if rates != nil, currency == nil { throw ValidationError("--rates needs --currency (the reporting currency)") }
        _ = try window()
    }

    func run() throws {
        var options = OrdersReadOptions()
        options.columns = map?.columns ?? OrderColumns()
        options.zone = tz
        options.lenient = lenient
        options.window = try window()
        options.countCustomers = step == 1
        if let currency { options.rates = CurrencyRates(reporting: currency, rates: rates?.rates ?? [:]) }
        let result: OrdersResult
        do {
            result = try OrdersReader.read(path: input, options: options)
            try result.table.write(to: output, step: step)
        } catch {
            StandardError.write("flashcast: \(error)\n")
            throw ExitCode(1)
        }
        print(result.report)
        for (reason, examples) in result.report.examples.sorted(by: { $0.key < $1.key }) {
            print("  \(reason):")
            for example in examples { print("    \(example)") }
        }
        print("wrote \(output): \(result.table.count) minutes, revenue \(MinuteTable.money(result.table.totalCents))")
    }

    private func window() throws -> ClosedRange<Int>? {
        guard let from, let to else { return nil }
        guard let first = tz.minute(ofTimeOrDate: from) else { throw ValidationError("--from is not a time: '\(from)'") }
        guard let last = tz.minute(ofTimeOrDate: to) else { throw ValidationError("--to is not a time: '\(to)'") }
        guard first <= last else { throw ValidationError("--to is before --from") }
        return first...last
    }
}
