import NumberText

/// SVG coordinates, written with `NumberFormat`.
enum DecimalFormat {
    /// An SVG coordinate: one decimal, ASCII minus, no trailing zero.
    static func coordinate(_ value: Double) -> String {
        NumberFormat.trimmed(min(max(value, -1e7), 1e7), decimals: 1)
    }
}
