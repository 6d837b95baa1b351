extension Series {
    /// Running totals: value `i` is the sum of values `0...i`.
    public func cumsum() -> Series {
        var total = 0.0
        return with(values: values.map { total += $0; return total })
    }

    /// First differences: value `i` is `values[i + 1] - values[i]`, starting one step later.
    public func diff() -> Series {
        guard count > 1 else { return Series(start: start + step, step: step, values: [], zone: zone) }
        let differences = (1..<count).map { values[$0] - values[$0 - 1] }
        return Series(start: start + step, step: step, values: differences, zone: zone)
    }

    /// Sum of the values (0 when empty).
    public var sum: Double { values.reduce(0, +) }

    /// Mean of the values, or nil when empty.
    public var mean: Double? { values.isEmpty ? nil : sum / Double(count) }

    /// Largest value, or nil when empty.
    public var max: Double? { values.max() }

    /// Smallest value, or nil when empty.
    public var min: Double? { values.min() }

    /// Applies a function to every value, keeping the times.
    public func map(_ transform: (Double) -> Double) -> Series { with(values: values.map(transform)) }

    /// The same times with other values.
    func with(values newValues: [Double]) -> Series {
        Series(start: start, step: step, values: newValues, zone: zone)
    }
}
