import Foundation

/// Short human-readable numbers with SI-like suffixes: `950`, `12.4k`, `3.1M`, `2B`.
public enum ShortNumber {
    private static let suffixes = ["", "k", "M", "B", "T"]

    /// The suffix group (0 = none, 1 = k, ...) for a magnitude.
    private static func group(_ magnitude: Double) -> Int {
        guard magnitude >= 1000 else { return 0 }
        return min(suffixes.count - 1, Int((log10(magnitude) / 3).rounded(.down)))
    }

    private static func scale(_ group: Int) -> Double { pow(1000, Double(group)) }

    /// `value` with three significant digits and a suffix, e.g. 12,345 → `12.3k`, 0.01234 → `0.0123`,
    /// 0.0000032 → `3.2e-6`.
    public static func format(_ value: Double, currency: Currency = .none) -> String {
        guard value.isFinite else { return "n/a" }
        let magnitude = abs(value)
        guard magnitude > 0 else { return currency.wrap("0", negative: false) }
        guard magnitude >= 1e-4 else { return currency.wrap(scientific(magnitude), negative: value < 0) }
        var g = group(magnitude)
        var mantissa = magnitude / scale(g)
        var places = significantPlaces(mantissa)
        let rounded = (mantissa * pow(10, Double(places))).rounded() / pow(10, Double(places))
        if rounded >= 1000 && g < suffixes.count - 1 {  // 999.96k becomes 1M, not 1000k
            g += 1
            mantissa = magnitude / scale(g)
            places = significantPlaces(mantissa)
        }
        let text = DecimalFormat.trimmed(mantissa, decimals: places) + suffixes[g]
        return currency.wrap(text, negative: value < 0 && text != "0")
    }

    /// Labels for tick values `step` apart: each with its own suffix and just enough decimals
    /// to tell neighbours apart, e.g. 0, 500,000, 1,000,000 → `0`, `500k`, `1M`.
    public static func tickLabels(_ values: [Double], step: Double, currency: Currency = .none) -> [String] {
        values.map { value in
            let magnitude = abs(value)
            guard magnitude > abs(step) * 1e-9 else { return currency.wrap("0", negative: false) }
            let g = group(magnitude)
            let places = DecimalFormat.decimals(forStep: step / scale(g))
            let text = DecimalFormat.trimmed(magnitude / scale(g), decimals: places) + suffixes[g]
            return currency.wrap(text, negative: value < 0)
        }
    }

    /// Three significant digits and a power of ten, for magnitudes too small for decimals
    /// (training losses): 0.0000032 → `3.2e-6`.
    private static func scientific(_ magnitude: Double) -> String {
        var exponent = Int(log10(magnitude).rounded(.down))
        var mantissa = ((magnitude / pow(10, Double(exponent))) * 100).rounded() / 100
        if mantissa >= 10 {
            exponent += 1
            mantissa /= 10
        }
        return DecimalFormat.trimmed(mantissa, decimals: 2) + "e" + String(exponent)
    }

    /// Decimals giving three significant digits for a mantissa, at most 6.
    private static func significantPlaces(_ mantissa: Double) -> Int {
        min(6, max(0, 2 - Int(log10(mantissa).rounded(.down))))
    }
}
