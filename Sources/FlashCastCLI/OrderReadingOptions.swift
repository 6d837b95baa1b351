import ArgumentParser
import SaleData

/// How an orders CSV export is read: `flashcast aggregate`, `forecast` and `backtest` share these options.
struct OrderReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Header names of the fields: id, time, customer, amount, currency, status.",
                               valueName: "time=created_at,amount=total"))
    var map: ColumnMap?

    @Option(help: ArgumentHelp("Shop time zone: times without offset and minute labels.", valueName: "+08:00"))
    var tz = ShopZone.utc

    @Option(help: ArgumentHelp("First minute of the window (a time or a date).", valueName: "time"))
    var from: String?

    @Option(help: ArgumentHelp("Last minute of the window, included.", valueName: "time"))
    var to: String?

    @Option(help: ArgumentHelp("Reporting currency of a currency column.", valueName: "code"))
    var currency: String?

    @Option(help: ArgumentHelp("Rates to the reporting currency.", valueName: "EUR=1.08,GBP=1.25"))
    var rates: RateList?

    @Flag(help: "Skip bad rows and report them instead of stopping at the first (a file whose every row is bad still fails).")
    var lenient = false

    @Option(help: ArgumentHelp("Decimal mark of amounts: '.' or ',' (12,50 and 1.234,50); default: found in the file.",
                               valueName: ","))
    var decimal: DecimalMark?

    @Option(help: ArgumentHelp("Order of numeric dates: dmy (29/11/2024 10:00) or mdy; default: found in the file"
                                   + " (a day above 12 tells; dates with dots are day-first).",
                               valueName: "dmy"))
    var dates: DateOrder?

    func validate() throws {
        if let role = map?.repeatedRole { throw ValidationError("--map gives '\(role)' more than once") }
        guard (from == nil) == (to == nil) else { throw ValidationError("--from and --to go together") }
        if rates != nil, currency == nil { throw ValidationError("--rates needs --currency (the reporting currency)") }
        _ = try window()
    }

    /// The reader's options; `windowed` false reads every order (a previous sale has its own dates).
    func readOptions(countCustomers: Bool, windowed: Bool = true) throws -> OrdersReadOptions {
        var options = OrdersReadOptions()
        options.columns = map?.columns ?? OrderColumns()
        options.zone = tz
        options.lenient = lenient
        options.decimal = decimal
        options.dates = dates
        options.window = windowed ? try window() : nil
        options.countCustomers = countCustomers
        if let currency { options.rates = CurrencyRates(reporting: currency, rates: rates?.rates ?? [:]) }
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
