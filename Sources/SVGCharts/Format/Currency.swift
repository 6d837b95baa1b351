import NumberText

/// A currency symbol written before (`$12.4k`) or after (`12.4k €`) an amount.
public struct Currency: Sendable, Equatable {
    /// Text written before the number, e.g. `$`.
    public var prefix: String
    /// Text written after the number, e.g. ` €` (include the space if wanted).
    public var suffix: String

    /// A currency with the given prefix and suffix.
    public init(prefix: String = "", suffix: String = "") {
        self.prefix = prefix
        self.suffix = suffix
    }

    /// No symbol: plain numbers.
    public static let none = Currency()

    /// `value` short with three significant digits, the symbol and a typographic minus:
    /// 12,345 → `$12.3k`, -1,234 → `−$1.23k`; `nan`, `inf` without the symbol.
    public func short(_ value: Double) -> String {
        guard value.isFinite else { return NumberFormat.short(value, minus: Self.minus) }
        let text = NumberFormat.short(abs(value), digits: 3)
        return wrap(text, negative: value < 0 && text != "0")
    }

    /// Labels for tick values `step` apart: each with its own suffix and just enough decimals
    /// to tell neighbours apart, e.g. 0, 500,000, 1,000,000 → `0`, `500k`, `1M`.
    public func tickLabels(_ values: [Double], step: Double) -> [String] {
        values.map { value in
            let text = NumberFormat.short(abs(value), step: step)
            return wrap(text, negative: value < 0 && text != "0")
        }
    }

    /// The minus sign of chart labels (U+2212), wider than a hyphen so it reads at small sizes.
    static let minus = "\u{2212}"

    /// `amount`, an unsigned formatted number, with the symbol and `negative`'s sign around it.
    private func wrap(_ amount: String, negative: Bool) -> String {
        (negative ? Self.minus : "") + prefix + amount + suffix
    }
}
