extension Series {
    /// The farthest minute from the epoch a series may reach (1e15 seconds, about 31 million
    /// years), so that minute arithmetic and conversions to seconds never overflow.
    public static let minuteLimit = 1_000_000_000_000_000 / 60

    /// Throws unless `count` values every `step` minutes from minute `start` stay within
    /// `minuteLimit` of the epoch; the arithmetic cannot overflow.
    public static func checkSpan(start: Int, step: Int, count: Int) throws(SeriesError) {
        guard step >= 1 else { throw SeriesError(description: "step must be at least 1, got \(step)") }
        let (span, spanOverflow) = Swift.max(count, 0).multipliedReportingOverflow(by: step)
        let (end, endOverflow) = start.addingReportingOverflow(span)
        guard !spanOverflow, !endOverflow, (-minuteLimit...minuteLimit).contains(start), (-minuteLimit...minuteLimit).contains(end) else {
            throw SeriesError(description: "\(count) values every \(step) minutes reach beyond 1e15 seconds from 1970")
        }
    }

    /// Throws unless the series, and `extra` more values after it, stay within `minuteLimit`.
    public func checkSpan(extra: Int = 0) throws(SeriesError) {
        let (total, overflow) = count.addingReportingOverflow(Swift.max(extra, 0))
        guard !overflow else {
            throw SeriesError(description: "\(extra) more values reach beyond 1e15 seconds from 1970")
        }
        try Self.checkSpan(start: start, step: step, count: total)
    }
}
