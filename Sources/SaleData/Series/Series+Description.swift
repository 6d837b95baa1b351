import NumberText

extension Series: CustomStringConvertible {
    /// A one-line summary: `Series(1440 minutes from 2021-05-20 00:00, step 1m, sum 123.4k)`; a
    /// series that never decreases (a running total) shows its last value instead of a sum:
    /// `..., step 1m, non-decreasing to 93.35k)`.
    public var description: String {
        guard !values.isEmpty else { return "Series(empty, step \(step)m)" }
        let first = label(at: 0).replacing("T", with: " ")
        let length = step == 1 ? "\(count) minutes" : "\(count) values"
        let total = isRunningTotal ? "non-decreasing to \(NumberFormat.short(values[count - 1]))" : "sum \(NumberFormat.short(sum))"
        return "Series(\(length) from \(first), step \(step)m, \(total))"
    }

    /// Whether the values never decrease and do rise: a running total, whose sum means nothing.
    private var isRunningTotal: Bool {
        count >= 2 && values[count - 1] > values[0] && zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
    }
}
