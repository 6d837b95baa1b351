#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers as FlashCast writes them, locale-free so the same number always gives the same bytes:
/// short (`1.083M`), grouped (`1,940,414`), fixed decimals (`1234.50`), cents (`12.34`) and percentages.
///
/// Rounding is half away from zero (`0.125` → `0.13`); a result that rounds to zero never carries a
/// minus sign. Values that are not finite are written `nan`, `inf` and `-inf`.
public enum NumberFormat {
    /// `value` with exactly `decimals` digits after the point (0...9) and `minus` as its sign.
    public static func fixed(_ value: Double, decimals: Int, minus: String = "-") -> String {
        var bytes: [UInt8] = []
        appendFixed(value, decimals: decimals, minus: minus, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `fixed(value, decimals:, minus:)` to `bytes` as UTF-8, without making a String (for
    /// writers of many numbers, such as a CSV).
    public static func appendFixed(_ value: Double, decimals: Int, minus: String = "-", to bytes: inout [UInt8]) {
        guard value.isFinite else { return bytes.append(contentsOf: nonFinite(value, minus: minus).utf8) }
        let places = min(max(decimals, 0), 9)
        let scale = powersOfTen[places]
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else {  // past 2^53 every double is whole: print its digits
            if value < 0 { bytes.append(contentsOf: minus.utf8) }
            return bytes.append(contentsOf: printed(abs(value), places: places).utf8)
        }
        let units = Int64(scaled), divisor = Int64(scale)
        if value < 0 && units != 0 { bytes.append(contentsOf: minus.utf8) }
        appendDigits(units / divisor, to: &bytes)
        guard places > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        for _ in 0..<places { bytes.append(UInt8(ascii: "0")) }  // one by one: cheaper than a repeated element's append
        var fraction = units % divisor, index = bytes.count - 1
        while fraction > 0 {
            bytes[index] += UInt8(fraction % 10)
            fraction /= 10
            index -= 1
        }
    }

    /// 10^0 ... 10^9, each exact.
    private static let powersOfTen: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]

    /// Appends the decimal digits of `value` (not negative) to `bytes`.
    /// (The digits are counted first and written in place from the last: reversing them as a
    /// slice of `bytes` would copy it.)
    public static func appendDigits(_ value: Int64, to bytes: inout [UInt8]) {
        var digits = 1, rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        for _ in 0..<digits { bytes.append(UInt8(ascii: "0")) }
        var index = bytes.count - 1
        rest = value
        repeat {
            bytes[index] += UInt8(rest % 10)
            rest /= 10
            index -= 1
        } while rest > 0
    }

    /// `fixed` with trailing zeros and a bare point removed: 2.50 → `2.5`, 3.0 → `3`.
    public static func trimmed(_ value: Double, decimals: Int, minus: String = "-") -> String {
        let text = fixed(value, decimals: decimals, minus: minus)
        guard value.isFinite, text.contains(".") else { return text }
        var end = text.endIndex
        while text[text.index(before: end)] == "0" { end = text.index(before: end) }
        if text[text.index(before: end)] == "." { end = text.index(before: end) }
        return String(text[..<end])
    }

    /// Money with two decimals: 1234.5 → `1234.50`.
    public static func money(_ value: Double) -> String { fixed(value, decimals: 2) }

    /// Appends `money(value)` to `bytes` as UTF-8.
    public static func appendMoney(_ value: Double, to bytes: inout [UInt8]) { appendFixed(value, decimals: 2, to: &bytes) }

    /// A change with its sign and `decimals` decimals: 56.25 → `+56.25`, -3 → `-3.00`, -0.001 → `+0.00`.
    public static func signed(_ value: Double, decimals: Int = 2) -> String {
        let text = fixed(value, decimals: decimals)
        return text.hasPrefix("-") || value.isNaN ? text : "+" + text
    }

    /// Whole units with thousands separators: 1,940,414.4 → `1,940,414`, -1234.5 → `-1,235`.
    public static func grouped(_ value: Double, minus: String = "-") -> String {
        guard value.isFinite else { return nonFinite(value, minus: minus) }
        let whole = fixed(value, decimals: 0, minus: "")
        var groups: [Substring] = []
        var end = whole.endIndex
        while whole.distance(from: whole.startIndex, to: end) > 3 {
            let start = whole.index(end, offsetBy: -3)
            groups.insert(whole[start..<end], at: 0)
            end = start
        }
        groups.insert(whole[..<end], at: 0)
        return (value < 0 && whole != "0" ? minus : "") + groups.joined(separator: ",")
    }

    /// Cents as an amount with two decimals, exactly: 1234 → `12.34`, -5 → `-0.05`.
    public static func cents(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }

    /// A ratio as a percentage with `decimals` decimals: 1.02 → `102%`, 0.468 with 1 → `46.8%`.
    public static func percent(_ ratio: Double, decimals: Int = 0) -> String {
        ratio.isFinite ? fixed(ratio * 100, decimals: decimals) + "%" : nonFinite(ratio, minus: "-")
    }

    /// C's `%.*f` of a finite value (exact digits of large doubles), without Foundation.
    /// `value` with `digits` significant digits (1...17), trailing zeros dropped, in powers of ten
    /// below 1e-4 or from `10^digits` (C's `%g`, as Lua's `string.format("%.10g", x)`): 0.0027407397990381
    /// with 10 → `0.002740739799`, 1.0 → `1`, 1.5e-7 → `1.5e-07`.
    public static func general(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return nonFinite(value, minus: "-") }
        return printed(value, places: min(max(digits, 1), 17), format: "%.*g")
    }

    private static func printed(_ value: Double, places: Int, format: String = "%.*f") -> String {
        var buffer = [CChar](repeating: 0, count: 400)
        _ = withVaList([Int32(places), value]) { arguments in vsnprintf(&buffer, buffer.count, format, arguments) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func nonFinite(_ value: Double, minus: String) -> String {
        value.isNaN ? "nan" : (value < 0 ? minus + "inf" : "inf")
    }
}
