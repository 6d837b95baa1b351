/// Converts amounts in many currencies to one reporting currency.
public struct CurrencyRates: Sendable, Equatable {
    /// The currency the totals are reported in (its rate is 1).
    public var reporting: String
    /// Value of one unit of each currency in the reporting currency, keyed by upper-case code.
    public var rates: [String: Double]

    /// A rate table; codes are matched without regard to case.
    public init(reporting: String, rates: [String: Double]) {
        self.reporting = reporting.uppercased()
        self.rates = Dictionary(rates.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { $1 })
        self.rates[self.reporting] = 1
    }

    /// Value of one unit of a currency in the reporting currency; an empty code means reporting.
    public func rate(of code: String) -> Double? {
        code.isEmpty ? 1 : rates[code.uppercased()]
    }
}
