import ArgumentParser
import SaleData

/// `--currency USD --rates EUR=1.08,...`: the amounts of a currency column converted into one reporting
/// currency, order by order (by the CSV reader, or by the database with `--db`).
struct CurrencyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Reporting currency of a currency column.", valueName: "code"))
    var currency: String?

    @Option(help: ArgumentHelp("Rates to the reporting currency.", valueName: "EUR=1.08,GBP=1.25"))
    var rates: RateList?

    func validate() throws {
        if rates != nil, currency == nil { throw ValidationError("--rates needs --currency (the reporting currency)") }
    }

    /// The rates table, when --currency is given.
    var currencyRates: CurrencyRates? { currency.map { CurrencyRates(reporting: $0, rates: rates?.rates ?? [:]) } }
}
