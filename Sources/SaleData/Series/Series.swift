/// A regular time series: one value every `step` minutes from `start`.
///
/// Minutes are counted in UTC from the Unix epoch; `zone` only decides how they are labelled and
/// how labels given by users are read.
public struct Series: Sendable, Equatable {
    /// Minute of the first value, counted in UTC from the epoch.
    public var start: Int
    /// Minutes between consecutive values (at least 1).
    public var step: Int
    /// The values, oldest first.
    public var values: [Double]
    /// Zone used for labels such as `2021-05-20T14:03`.
    public var zone: ShopZone

    /// A series of values from a start minute; a step below 1 is taken as 1.
    public init(start: Int, step: Int = 1, values: [Double], zone: ShopZone = .utc) {
        self.start = start
        self.step = Swift.max(step, 1)
        self.values = values
        self.zone = zone
    }

    /// Number of values.
    public var count: Int { values.count }

    /// Minute of the value at an index (which may lie outside the series).
    public func minute(at index: Int) -> Int { start + index * step }

    /// Minute just after the last value.
    public var end: Int { minute(at: count) }

    /// Label (`YYYY-MM-DDTHH:MM` in the series' zone) of the value at an index.
    public func label(at index: Int) -> String { zone.label(minute: minute(at: index)) }

    /// Index of the value whose interval holds a minute, or nil outside the series.
    public func index(ofMinute minute: Int) -> Int? {
        guard minute >= start else { return nil }
        let index = (minute - start) / step
        return index < count ? index : nil
    }

    /// Index of the value whose interval holds a time given as text, or nil.
    public func index(ofTime text: String) -> Int? {
        zone.minute(of: text).flatMap(index(ofMinute:))
    }

    /// The value whose interval holds a minute, or nil outside the series.
    public func value(atMinute minute: Int) -> Double? {
        index(ofMinute: minute).map { values[$0] }
    }

    /// The values at indices in a range, clamped to the series.
    public func slice(_ range: Range<Int>) -> Series {
        let lower = Swift.min(Swift.max(range.lowerBound, 0), count)
        let upper = Swift.min(Swift.max(range.upperBound, lower), count)
        return Series(start: minute(at: lower), step: step, values: Array(values[lower..<upper]), zone: zone)
    }

    /// The values whose intervals lie between two minutes, both included, clamped to the series.
    public func slice(fromMinute first: Int, toMinute last: Int) -> Series {
        let lower = first <= start ? 0 : (first - start + step - 1) / step
        let upper = last < start ? 0 : (last - start) / step + 1
        return slice(lower..<Swift.max(lower, upper))
    }
}
