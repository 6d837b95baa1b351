import NumberText

extension Series: CustomStringConvertible {
    /// A one-line summary: `Series(1440 minutes from 2021-05-20 00:00, step 1m, sum 123.4k)`.
    public var description: String {
        guard !values.isEmpty else { return "Series(empty, step \(step)m)" }
        let first = label(at: 0).replacing("T", with: " ")
        let length = step == 1 ? "\(count) minutes" : "\(count) values"
        return "Series(\(length) from \(first), step \(step)m, sum \(NumberFormat.short(sum)))"
    }
}
