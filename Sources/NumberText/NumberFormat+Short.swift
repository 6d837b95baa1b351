#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NumberFormat {
    private static let suffixes = ["", "k", "M", "B", "T"]

    /// `value` with `digits` significant digits (2...9) and a k, M, B or T suffix past a thousand:
    /// 1,083,456 → `1.083M` (4 digits) or `1.08M` (3), 999,960 → `1M`, 0.01234 → `0.01234`;
    /// magnitudes below 1e-4 or from 1e18 in powers of ten: 0.0000032 → `3.2e-6`.
    public static func short(_ value: Double, digits: Int = 4, minus: String = "-") -> String {
        guard value.isFinite else { return nonFinite(value, minus: minus) }
        let magnitude = abs(value), digits = min(max(digits, 2), 9)
        guard magnitude > 0 else { return "0" }
        let sign = value < 0 ? minus : ""
        guard magnitude >= 1e-4, magnitude < 1e18 else { return sign + scientific(magnitude, digits: digits) }
        var group = Self.group(magnitude)
        var mantissa = magnitude / scale(group)
        var places = significantPlaces(mantissa, digits: digits)
        let rounded = (mantissa * pow(10, Double(places))).rounded() / pow(10, Double(places))
        if rounded >= 1000 && group < suffixes.count - 1 {  // 999.96k becomes 1M, not 1000k
            group += 1
            mantissa = magnitude / scale(group)
            places = significantPlaces(mantissa, digits: digits)
        }
        let text = trimmed(mantissa, decimals: places) + suffixes[group]
        return text == "0" ? text : sign + text
    }

    /// `value` with its own suffix and just enough decimals to tell it from values `step` apart, as tick
    /// labels are: 1,250 with a step of 250 → `1.25k`, 500,000 with a step of 500,000 → `500k`.
    public static func short(_ value: Double, step: Double, minus: String = "-") -> String {
        guard value.isFinite else { return nonFinite(value, minus: minus) }
        let magnitude = abs(value)
        guard magnitude > abs(step) * 1e-9 else { return "0" }
        let group = Self.group(magnitude)
        let places = decimals(forStep: step / scale(group))
        return (value < 0 ? minus : "") + trimmed(magnitude / scale(group), decimals: places) + suffixes[group]
    }

    /// The fewest decimals (at most 9) that show multiples of `step` exactly: 0.25 → 2, 500 → 0.
    public static func decimals(forStep step: Double) -> Int {
        let magnitude = abs(step)
        guard magnitude.isFinite, magnitude > 0 else { return 0 }
        for places in 0...9 {
            let scaled = magnitude * pow(10, Double(places))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return places }
        }
        return 9
    }

    /// The suffix group (0 = none, 1 = k, ...) of a magnitude.
    private static func group(_ magnitude: Double) -> Int {
        guard magnitude >= 1000 else { return 0 }
        return min(suffixes.count - 1, Int((log10(magnitude) / 3).rounded(.down)))
    }

    /// The divisor of a suffix group: 1, 1000, 1e6, ...
    private static func scale(_ group: Int) -> Double { pow(1000, Double(group)) }

    /// `digits` significant digits and a power of ten: 0.0000032 → `3.2e-6`.
    private static func scientific(_ magnitude: Double, digits: Int) -> String {
        var exponent = Int(log10(magnitude).rounded(.down))
        let scale = pow(10, Double(digits - 1))
        var mantissa = ((magnitude / pow(10, Double(exponent))) * scale).rounded() / scale
        if mantissa >= 10 {
            exponent += 1
            mantissa /= 10
        }
        return trimmed(mantissa, decimals: digits - 1) + "e" + String(exponent)
    }

    /// Decimals giving `digits` significant digits for a mantissa.
    private static func significantPlaces(_ mantissa: Double, digits: Int) -> Int {
        max(0, digits - 1 - Int(log10(mantissa).rounded(.down)))
    }
}
