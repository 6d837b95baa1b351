import SaleData

/// A currency column's amounts converted into one reporting currency by the database, order by order
/// as the CSV reader converts them: each amount times its currency's rate, rounded to cents, then
/// summed. Codes are read without regard to case or surrounding spaces; an empty code (or NULL) is the
/// reporting currency; a code the rates do not give is an error naming it.
public struct CurrencyConversion: Sendable, Equatable {
    /// The column holding each order's currency code.
    public let column: SQLIdentifier
    /// The rates into the reporting currency (its own rate 1 among them).
    public let rates: CurrencyRates

    /// Converts with `rates` the amounts whose currency is in `column`; codes are letters, digits,
    /// `_`, `-` or `.`, so that none can end a literal in any dialect.
    public init(column: String, rates: CurrencyRates) throws(OrderSourceError) {
        self.column = try SQLIdentifier(column, role: "currency column")
        for code in rates.rates.keys where code.isEmpty || !code.unicodeScalars.allSatisfy(Self.isCodeCharacter) {
            throw OrderSourceError("'\(code)' is not a currency code (letters, digits, '_', '-' or '.')")
        }
        self.rates = rates
    }

    /// Every code with its rate as exact decimal text, in code order, and the empty code's 1.
    var codes: [(code: String, rate: String)] {
        rates.rates.sorted { $0.key < $1.key }.map { ($0.key, Self.decimalText($0.value)) } + [("", "1")]
    }

    /// The error for a code found that the rates do not give.
    func unknown(_ code: String, table: SQLIdentifier) -> OrderSourceError {
        OrderSourceError("unknown currency '\(code)' in column '\(column)' of table '\(table)' (rates for "
            + rates.rates.keys.sorted().joined(separator: ", ") + ")")
    }

    /// A rate as decimal text with at most 12 decimals and no exponent (`1.08`, `0.0067`), which every
    /// database reads as that decimal.
    static func decimalText(_ rate: Double) -> String {
        let whole = rate.rounded(.down)
        var fraction = Int64(((rate - whole) * 1e12).rounded())
        var integer = Int64(whole)
        if fraction == 1_000_000_000_000 { (integer, fraction) = (integer + 1, 0) }
        guard fraction > 0 else { return String(integer) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 12 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "\(integer).\(digits)"
    }

    private static func isCodeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
    }
}
