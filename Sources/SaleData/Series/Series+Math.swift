extension Series {
    /// Running totals: value `i` is the sum of values `0...i`, exact for money (`0.1 + 0.2` is `0.3`).
    public func cumsum() -> Series { with(values: Self.runningSums(values)) }

    /// First differences: value `i` is `values[i + 1] - values[i]`, starting one step later.
    public func diff() -> Series {
        guard count > 1 else { return Series(start: start + step, step: step, values: [], zone: zone) }
        let differences = (1..<count).map { values[$0] - values[$0 - 1] }
        return Series(start: start + step, step: step, values: differences, zone: zone)
    }

    /// Sum of the values (0 when empty), exact for money as `cumsum`.
    public var sum: Double { Self.exactSum(values) }

    /// Mean of the values, or nil when empty.
    public var mean: Double? { values.isEmpty ? nil : sum / Double(count) }

    /// Largest value, or nil when empty.
    public var max: Double? { values.max() }

    /// Smallest value, or nil when empty.
    public var min: Double? { values.min() }

    /// Index of the largest value (the first of equal ones), NaN skipped; nil when there is none.
    public var indexOfMax: Int? { indexOfExtreme(isBefore: >) }

    /// Index of the smallest value (the first of equal ones), NaN skipped; nil when there is none.
    public var indexOfMin: Int? { indexOfExtreme(isBefore: <) }

    private func indexOfExtreme(isBefore: (Double, Double) -> Bool) -> Int? {
        var best: Int?
        for (index, value) in values.enumerated() where !value.isNaN {
            if let current = best, !isBefore(value, values[current]) { continue }
            best = index
        }
        return best
    }

    /// Applies a function to every value, keeping the times.
    public func map(_ transform: (Double) -> Double) -> Series { with(values: values.map(transform)) }

    /// The same times with other values.
    func with(values newValues: [Double]) -> Series {
        Series(start: start, step: step, values: newValues, zone: zone)
    }
}
