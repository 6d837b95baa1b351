/// The axes' ranges and the legend, worked out from the layers.
extension Chart {
    /// The horizontal span: the options' `xFrom`/`xTo`, else the layers' data (at least one step wide).
    func xRange(_ options: ChartOptions) throws(ChartError) -> ClosedRange<Double> {
        let data = ClosedRange<Double>.union(layers.compactMap(\.content.xExtent))
        guard let lo = options.xFrom ?? data?.lowerBound, let hi = options.xTo ?? data?.upperBound else {
            throw ChartError("chart has no data to span its time axis: add a line, bars or a band, or give the options 'from' and 'to'")
        }
        guard lo <= hi else { throw ChartError.option("from", "must be before 'to'") }
        let step = layers.lazy.compactMap(\.content.step).first ?? 1
        return lo...(hi > lo ? hi : lo + step)
    }

    func xSpec(_ range: ClosedRange<Double>) -> FrameSpec.XAxis {
        switch xAxis {
        case .time: .time(start: range.lowerBound, end: range.upperBound)
        case .counts(let title): .numbers(ValueAxis(lo: range.lowerBound, hi: range.upperBound, title: title, integer: true))
        }
    }

    /// The value axis of the layers on `side`, covering their values inside `window`.
    func valueAxis(
        _ contents: [any LayerContent], _ side: AxisSide, _ window: ClosedRange<Double>?, _ options: ChartOptions
    ) throws(ChartError) -> ValueAxis {
        let extent = combined(try contents.filter { $0.side == side }.map { content throws(ChartError) in
            try ChartError.checkCancellation()
            return content.yExtent(in: window)
        })
        var axis = ValueAxis(lo: extent?.0 ?? 0, hi: extent?.1 ?? 1, title: side == .left ? yTitle : y2Title, money: money)
        let log = side == .left && options.logScale
        if log {
            guard axis.lo > 0 else { throw ChartError.option("log", "needs positive values") }
            axis.log = true
        } else if zero == .always {
            axis.lo = min(axis.lo, 0)
            axis.hi = max(axis.hi, 0)
        } else if zero == .near && axis.lo >= 0 && axis.lo < 0.4 * axis.hi {
            axis.lo = 0
        }
        guard side == .left else { return axis }
        axis.lo = options.yMin ?? axis.lo
        axis.hi = options.yMax ?? axis.hi
        guard axis.lo < axis.hi || (options.yMin == nil && options.yMax == nil) else {
            let (lo, hi) = (Currency.none.short(axis.lo), Currency.none.short(axis.hi))
            throw ChartError.option(options.yMin != nil ? "ymin" : "ymax", "leaves no range: the value axis would run from \(lo) to \(hi)")
        }
        return axis
    }

    /// Each layer's colour: its paint, else the colour of the last line, band or bars before it (for
    /// bands and dots) or the next palette colour.
    static func inks(_ contents: [any LayerContent], theme: Theme) -> [Ink] {
        var next = 0
        var previous: Ink?
        return contents.map { content in
            let ink: Ink
            if let paint = content.paint {
                ink = Ink(color: paint.color(in: theme), wrapped: paint.paletteIndex.map(theme.dashed) ?? false, isActual: paint == .actual)
            } else if content.coloring == .previous, let previous {
                ink = previous
            } else {
                ink = Ink(color: theme.color(next), wrapped: theme.dashed(next), isActual: false)
                next += 1
            }
            if content.xExtent != nil { previous = ink }
            return ink
        }
    }

    /// The entries in legend order: the actual line, other lines, bars and dots, bands, then spans.
    static func legend(_ contents: [any LayerContent], _ inks: [Ink]) -> [LegendEntry] {
        let entries = zip(contents, inks).compactMap { content, ink in content.legendEntry(ink).map { (entry: $0, actual: ink.isActual) } }
        func rank(_ item: (entry: LegendEntry, actual: Bool)) -> Int {
            switch item.entry.swatch {
            case .area: 2
            case .span: 3
            default: item.actual ? 0 : 1
            }
        }
        return entries.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element.entry)
    }

    /// `<desc>` text listing what is drawn.
    func describe(_ contents: [any LayerContent]) -> String {
        let names = Self.legend(contents, Self.inks(contents, theme: .light)).map { "'\($0.label)'" }
        return kind + (names.isEmpty ? "" : " of " + names.joined(separator: ", "))
    }
}
