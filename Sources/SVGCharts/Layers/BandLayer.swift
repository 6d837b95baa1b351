/// A shaded band between two aligned bounds (an interval, a normal range).
struct BandLayer: LayerContent {
    var lower: Track
    var upper: Track
    var label: String
    var paint: Paint?
    var opacity: Double?
    /// How many band layers shade this band's own region (`LegendEntry.overlapping`).
    var overlapping = 1

    func validate() throws(ChartError) {
        if let opacity, !(0...1).contains(opacity) {
            throw ChartError("\(ChartError.layer("band", label)): opacity must be between 0 and 1, got \(opacity)")
        }
        try lower.validate(ChartError.layer("band", label))
        guard lower.values.count == upper.values.count else {
            throw ChartError("\(ChartError.layer("band", label)): 'lower' has \(lower.values.count) values but 'upper' has \(upper.values.count)")
        }
        guard lower.start == upper.start, lower.step == upper.step else {
            throw ChartError("\(ChartError.layer("band", label)): 'lower' and 'upper' are not at the same times")
        }
    }

    var xExtent: ClosedRange<Double>? { lower.extent }
    var step: Double? { lower.step }
    var coloring: Coloring { .previous }

    func yExtent(in window: ClosedRange<Double>?) -> (Double, Double)? {
        combined([lower.valueExtent(in: window), upper.valueExtent(in: window)])
    }

    func legendEntry(_ ink: Ink) -> LegendEntry? {
        label.isEmpty ? nil : LegendEntry(label: label, color: ink.color, swatch: .area, opacity: opacity, overlapping: overlapping)
    }

    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink) {
        frame.drawBand(&svg, lower: lower, upper: upper, color: ink.color, opacity: opacity)
    }

    func clipped(to window: ClosedRange<Double>) -> BandLayer {
        var copy = self
        (copy.lower, copy.upper) = (lower.clipped(to: window), upper.clipped(to: window))
        return copy
    }
}
