/// Money and shares as the live status shows them: `1,933,482`, `102%`.
public enum MoneyText {
    /// Whole units with thousands separators; `?` for a value that is not finite.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e18 else { return "?" }
        let whole = Int(value.rounded())
        var digits = String(abs(whole))
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        return (whole < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// A ratio as a whole percentage, `102%`; `?` when not finite.
    public static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite, abs(ratio) < 1e9 else { return "?" }
        return "\(Int((ratio * 100).rounded()))%"
    }

    /// A ratio with one decimal, `46.8%`.
    public static func percentTenths(_ ratio: Double) -> String {
        guard ratio.isFinite, abs(ratio) < 1e9 else { return "?" }
        let tenths = Int((ratio * 1000).rounded())
        return "\(tenths / 10).\(abs(tenths) % 10)%"
    }
}
