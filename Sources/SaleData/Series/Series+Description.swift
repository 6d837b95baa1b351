import Foundation

extension Series: CustomStringConvertible {
    /// A one-line summary: `Series(1440 minutes from 2021-05-20 00:00, step 1m, sum 123.4k)`.
    public var description: String {
        guard !values.isEmpty else { return "Series(empty, step \(step)m)" }
        let first = label(at: 0).replacingOccurrences(of: "T", with: " ")
        let length = step == 1 ? "\(count) minutes" : "\(count) values"
        return "Series(\(length) from \(first), step \(step)m, sum \(Self.short(sum)))"
    }

    /// A number with 4 significant digits and a k, M, G or T suffix past a thousand (`123.4k`).
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let suffixes: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in suffixes where abs(value) >= scale * 0.99995 {
            return String(format: "%.4g", value / scale) + suffix
        }
        return String(format: "%.4g", value)
    }
}
