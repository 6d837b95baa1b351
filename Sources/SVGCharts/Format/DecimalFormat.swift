import Foundation

/// Locale-free decimal formatting, so the same number always gives the same bytes.
enum DecimalFormat {
    /// `value` with exactly `decimals` digits after the point (0...9) and `minus` as sign.
    static func fixed(_ value: Double, decimals: Int, minus: String = "-") -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? minus + "inf" : "inf") }
        let places = min(max(decimals, 0), 9)
        let scale = pow(10, Double(places))
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return (value < 0 ? minus : "") + "\(abs(value))" }
        let units = Int64(scaled), divisor = Int64(scale)
        var text = String(units / divisor)
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? minus : "") + text
    }

    /// `fixed` with trailing zeros and a bare point removed: 2.50 → `2.5`, 3.0 → `3`.
    static func trimmed(_ value: Double, decimals: Int, minus: String = "-") -> String {
        let text = fixed(value, decimals: decimals, minus: minus)
        guard text.contains(".") else { return text }
        var end = text.endIndex
        while text[text.index(before: end)] == "0" { end = text.index(before: end) }
        if text[text.index(before: end)] == "." { end = text.index(before: end) }
        return String(text[..<end])
    }

    /// An SVG coordinate: one decimal, ASCII minus, no trailing zero.
    static func coordinate(_ value: Double) -> String {
        trimmed(min(max(value, -1e7), 1e7), decimals: 1)
    }

    /// The fewest decimals (at most 9) that show multiples of `step` exactly: 0.25 → 2, 500 → 0.
    static func decimals(forStep step: Double) -> Int {
        let magnitude = abs(step)
        guard magnitude.isFinite, magnitude > 0 else { return 0 }
        for places in 0...9 {
            let scaled = magnitude * pow(10, Double(places))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return places }
        }
        return 9
    }
}
