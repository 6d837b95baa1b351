/// How the values that fall in one coarser interval are combined.
public enum ResampleMethod: String, Sendable, CaseIterable {
    /// Total of the values: revenue, order counts.
    case sum
    /// Average of the values.
    case mean
    /// Last value: cumulative series.
    case last
    /// Largest value.
    case max
}

/// Misuse of a series operation; the text reads like a Lua error.
public struct SeriesError: Error, Equatable, CustomStringConvertible {
    /// The message, lowercase without a trailing period.
    public let description: String
}

extension Series {
    /// The series on a coarser step (5, 15, 60 minutes...), intervals aligned to the shop's clock.
    ///
    /// The new step must be a multiple of the current one. Intervals at the edges that the series
    /// covers only in part combine the values it has.
    public func resampled(step newStep: Int, method: ResampleMethod = .sum) throws(SeriesError) -> Series {
        guard newStep >= step, newStep % step == 0 else {
            throw SeriesError(description: "step \(newStep) is not a multiple of the series' step \(step)")
        }
        guard newStep <= Self.minuteLimit else {
            throw SeriesError(description: "step \(newStep) is longer than 1e15 seconds")
        }
        guard !values.isEmpty else { return Series(start: start, step: newStep, values: [], zone: zone) }
        let firstBucket = zone.intervalStart(of: start, step: newStep)
        var result: [Double] = []
        var bucket: [Double] = []
        var current = firstBucket
        for (index, value) in values.enumerated() {
            let key = zone.intervalStart(of: minute(at: index), step: newStep)
            if key != current {
                result.append(Self.combine(bucket, method))
                bucket.removeAll(keepingCapacity: true)
                current = key
            }
            bucket.append(value)
        }
        result.append(Self.combine(bucket, method))
        try Self.checkSpan(start: firstBucket, step: newStep, count: result.count)
        return Series(start: firstBucket, step: newStep, values: result, zone: zone)
    }

    private static func combine(_ bucket: [Double], _ method: ResampleMethod) -> Double {
        switch method {
        case .sum: return bucket.reduce(0, +)
        case .mean: return bucket.isEmpty ? 0 : bucket.reduce(0, +) / Double(bucket.count)
        case .last: return bucket.last ?? 0
        case .max: return bucket.max() ?? 0
        }
    }
}

extension ShopZone {
    /// Start of the interval of `step` minutes holding a minute, intervals aligned to local midnight.
    public func intervalStart(of minute: Int, step: Int) -> Int {
        let offsetMinutes = offset(atUTC: minute * 60) / 60
        return (minute + offsetMinutes).floorDiv(step) * step - offsetMinutes
    }
}
