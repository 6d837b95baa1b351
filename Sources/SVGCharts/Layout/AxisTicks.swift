/// An axis' ticks: data values and their label lines.
struct AxisTicks {
    var values: [Double]
    var labels: [[String]]

    /// Every second tick, starting with the first.
    var everyOther: AxisTicks {
        AxisTicks(values: values.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
                  labels: labels.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
    }

    /// The widest label line at font size `size`.
    func maxWidth(size: Double) -> Double {
        labels.flatMap { $0 }.map { FontMetrics.width($0, size: size) }.max() ?? 0
    }

    /// The most lines any label has.
    var lineCount: Int { labels.map(\.count).max() ?? 1 }

    /// Whether labels centred under `positions` keep at least `gap` pixels between neighbours.
    func fitsHorizontally(positions: [Double], size: Double, gap: Double) -> Bool {
        let widths = labels.map { lines in lines.map { FontMetrics.width($0, size: size) }.max() ?? 0 }
        for i in positions.indices.dropFirst() where positions[i] - positions[i - 1] < (widths[i] + widths[i - 1]) / 2 + gap {
            return false
        }
        return true
    }
}

extension ValueAxis {
    /// The axis' scale onto `range` (nice-rounded) and its labelled ticks, about `count` of them.
    func resolve(range: (Double, Double), count: Double, currency: Currency) -> (ValueScale, AxisTicks) {
        if log {
            let scale = LogScale(domain: (lo, hi), range: range).nice()
            let values = scale.ticks(count: Int(count))
            let labels = values.map { [(money ? currency : .none).short($0)] }
            return (.log(scale), AxisTicks(values: values, labels: labels))
        }
        let (a, b) = widened
        let scale = LinearScale(domain: (a, b), range: range).nice(count: count)
        var values = scale.ticks(count: count)
        var step = NiceTicks.step(scale.domain.lo, scale.domain.hi, count: count)
        if integer {
            values = values.filter { $0 == $0.rounded() }
            step = max(step, 1)
        }
        let labels = (money ? currency : .none).tickLabels(values, step: step).map { [$0] }
        return (.linear(scale), AxisTicks(values: values, labels: labels))
    }

    /// The extent, opened up when it is a single value so the scale has a direction; all zeros
    /// (no sales yet) read best as 0 to 1, not -1 to 1.
    private var widened: (Double, Double) {
        guard lo == hi else { return (lo, hi) }
        if lo == 0 { return (0, 1) }
        let pad = abs(lo) * 0.1
        return (lo - pad, hi + pad)
    }
}
