import ArgumentParser
import SaleData

/// How an orders export's fields read: the header names, the shop's zone, the decimal mark and the
/// order of numeric dates. One group for every command that reads orders (`OrderReadingOptions` of
/// `aggregate`, `forecast`, `backtest`, `whatif`; `LiveSaleArguments` of `repl --orders`).
struct ExportFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Header names of the fields: id, time, customer, amount, currency, status.",
                               valueName: "time=created_at,amount=total"))
    var map: ColumnMap?

    @Option(help: ArgumentHelp("Shop time zone: times without offset and minute labels; default UTC.", valueName: "+08:00"))
    var tz: ShopZone?

    @Option(help: ArgumentHelp("Decimal mark of amounts: '.' or ',' (12,50 and 1.234,50); default: found in the file.",
                               valueName: ","))
    var decimal: DecimalMark?

    @Option(help: ArgumentHelp("Order of numeric dates: dmy (29/11/2024 10:00) or mdy; default: found in the file"
                                   + " (a day above 12 tells; dates with dots are day-first).",
                               valueName: "dmy"))
    var dates: DateOrder?

    /// The shop's zone: --tz, else UTC.
    var zone: ShopZone { tz ?? .utc }

    func validate() throws {
        if let role = map?.repeatedRole { throw ValidationError("--map gives '\(role)' more than once") }
    }

    /// Reads the export's fields as these options say: columns, zone, decimal mark and date order.
    func apply(to options: inout OrdersReadOptions) {
        options.columns = map?.columns ?? OrderColumns()
        options.zone = zone
        options.decimal = decimal
        options.dates = dates
    }
}
