/// A summary of a window of values, computed as the window slides.
public enum RollingMethod: String, Sendable, CaseIterable {
    case sum, mean, min, max
}

extension Series {
    /// Value `i` summarises the `window` values ending at the `i`-th time kept: the result starts
    /// `window - 1` steps later and has `count - window + 1` values (none when the window is longer).
    ///
    /// Sums are exact in cents for money (see `exactSum`); NaN inside a window makes that window's
    /// sum and mean NaN, and is skipped by min and max.
    public func rolling(_ window: Int, _ method: RollingMethod) throws(SeriesError) -> Series {
        let kept = try rollingFrame(window)
        guard !kept.values.isEmpty else { return kept }
        switch method {
        case .sum: return kept.with(values: Self.windowSums(values, window))
        case .mean: return kept.with(values: Self.windowSums(values, window).map { $0 / Double(window) })
        case .min: return kept.with(values: Self.windowExtremes(values, window, isBefore: <))
        case .max: return kept.with(values: Self.windowExtremes(values, window, isBefore: >))
        }
    }

    /// The times a rolling window of `window` values gives results at (values are placeholders),
    /// for summaries computed elsewhere (a Lua function): call `summarise` with each window's range.
    public func rolling(_ window: Int, _ summarise: (Range<Int>) throws -> Double) throws -> Series {
        let kept = try rollingFrame(window)
        var results: [Double] = []
        results.reserveCapacity(kept.count)
        for last in 0..<kept.count { results.append(try summarise(last..<(last + window))) }
        return kept.with(values: results)
    }

    /// The empty-valued frame of a rolling result: its start and how many values it will hold.
    private func rollingFrame(_ window: Int) throws(SeriesError) -> Series {
        guard window >= 1 else { throw SeriesError(description: "window must be at least 1, got \(window)") }
        guard window <= count else { return Series(start: end, step: step, values: [], zone: zone) }
        return Series(start: minute(at: window - 1), step: step,
                      values: [Double](repeating: 0, count: count - window + 1), zone: zone)
    }

    /// Sums of every `window` consecutive values, exact in cents when all values are whole cents.
    private static func windowSums(_ values: [Double], _ window: Int) -> [Double] {
        var sums: [Double] = []
        sums.reserveCapacity(values.count - window + 1)
        if let cents = Cents.of(values) {
            var total: Int64 = 0
            for index in values.indices {
                total &+= cents[index]
                if index >= window { total &-= cents[index - window] }
                if index >= window - 1 { sums.append(Cents.amount(total)) }
            }
            return sums
        }
        var running = CompensatedSum(), special = SpecialValues()
        for index in values.indices {
            if values[index].isFinite { running.add(values[index]) } else { special.count(values[index], by: 1) }
            if index >= window {
                let leaving = values[index - window]
                if leaving.isFinite { running.add(-leaving) } else { special.count(leaving, by: -1) }
            }
            if index >= window - 1 { sums.append(special.sum ?? running.value) }
        }
        return sums
    }

    /// The smallest (`isBefore: <`) or largest (`>`) value of every window, NaN skipped (NaN when a
    /// window holds only NaN), in linear time with a queue of candidate indices.
    private static func windowExtremes(_ values: [Double], _ window: Int, isBefore: (Double, Double) -> Bool)
        -> [Double]
    {
        var results: [Double] = []
        results.reserveCapacity(values.count - window + 1)
        var candidates: [Int] = [], head = 0
        for index in values.indices {
            if !values[index].isNaN {
                while candidates.count > head, !isBefore(values[candidates[candidates.count - 1]], values[index]) {
                    candidates.removeLast()
                }
                candidates.append(index)
            }
            if head < candidates.count, candidates[head] <= index - window { head += 1 }
            if index >= window - 1 { results.append(head < candidates.count ? values[candidates[head]] : .nan) }
            if head > 4096, head * 2 > candidates.count {  // drop the consumed front now and then
                candidates.removeFirst(head)
                head = 0
            }
        }
        return results
    }
}

/// How many NaN and infinite values a window holds, which decide its sum when there are any.
private struct SpecialValues {
    var nan = 0, positive = 0, negative = 0

    mutating func count(_ value: Double, by delta: Int) {
        if value.isNaN { nan += delta } else if value > 0 { positive += delta } else { negative += delta }
    }

    /// The window's sum when it holds NaN or infinities; nil when all its values are finite.
    var sum: Double? {
        if nan > 0 || (positive > 0 && negative > 0) { return .nan }
        if positive > 0 { return .infinity }
        return negative > 0 ? -.infinity : nil
    }
}
