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

    /// `amount`, an unsigned formatted number, with the symbol and `negative`'s sign around it.
    func wrap(_ amount: String, negative: Bool) -> String {
        (negative ? "\u{2212}" : "") + prefix + amount + suffix
    }
}
