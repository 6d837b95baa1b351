import Foundation

extension Series: CustomStringConvertible {
    /// A one-line summary: length, step, time span and the value range.
    public var description: String {
        guard let low = min, let high = max else { return "Series(empty, step \(step) min)" }
        return "Series(\(count) values, step \(step) min, \(label(at: 0)) .. \(label(at: count - 1)), "
            + "sum \(Self.short(sum)), min \(Self.short(low)), max \(Self.short(high)))"
    }

    /// A number with at most 7 significant digits, whole numbers without a fraction.
    static func short(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.7g", value)
    }
}
