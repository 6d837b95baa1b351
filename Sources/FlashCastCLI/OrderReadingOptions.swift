import ArgumentParser
import SaleData

/// How an orders CSV export is read: `flashcast aggregate`, `forecast`, `backtest` and `whatif` share
/// these options; the fields' own (`--map`, `--tz`, `--decimal`, `--dates`) are `ExportFieldOptions`,
/// which the live REPL shares too.
struct OrderReadingOptions: ParsableArguments {
    @OptionGroup var fields: ExportFieldOptions

    @Option(help: ArgumentHelp("First minute of the window (a time or a date).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("Last minute of the window, included.", valueName: "time"))
    var to: String?

    @OptionGroup var money: CurrencyOptions

    @Flag(help: "Skip bad rows and report them instead of stopping at the first (a file whose every row is bad still fails).")
    var lenient = false

    /// The shop's zone: --tz, else UTC.
    var tz: ShopZone { fields.zone }
    /// The reporting currency (--currency), if any.
    var currency: String? { money.currency }

    func validate() throws {
        guard (from == nil) == (to == nil) else { throw ValidationError("--from and --to go together") }
        _ = try window()
    }

    /// The reader's options; `windowed` false reads every order (a previous sale has its own dates).
    func readOptions(countCustomers: Bool, windowed: Bool = true) throws -> OrdersReadOptions {
        var options = OrdersReadOptions()
        fields.apply(to: &options)
        options.lenient = lenient
        options.window = windowed ? try window() : nil
        options.countCustomers = countCustomers
        options.rates = money.currencyRates
        return options
    }

    /// The minutes given by --from and --to, both included, or nil for all.
    func window() throws -> ClosedRange<Int>? {
        guard let from, let to else { return nil }
        guard let first = tz.minute(ofTimeOrDate: from) else { throw ValidationError("--from is not a time: '\(from)'") }
        guard let last = tz.minute(ofTimeOrDate: to) else { throw ValidationError("--to is not a time: '\(to)'") }
        guard first <= last else { throw ValidationError("--to is before --from") }
        return first...last
    }
}
