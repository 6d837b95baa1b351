/// One bar per step from zero, each as wide as its step (a little narrower, to separate them).
struct BarsLayer: LayerContent {
    var track: Track
    var label: String
    var paint: Paint?
    var side: AxisSide

    func validate() throws(ChartError) { try track.validate(ChartError.layer("bars", label)) }

    /// Up to the end of the last bar's step.
    var xExtent: ClosedRange<Double>? { track.values.isEmpty ? nil : track.start...track.x(track.values.count) }
    var step: Double? { track.step }

    /// The values and zero, where bars stand.
    func yExtent(in window: ClosedRange<Double>?) -> (Double, Double)? {
        combined([track.valueExtent(in: window), (0, 0)])
    }

    func legendEntry(_ ink: Ink) -> LegendEntry? {
        label.isEmpty ? nil : LegendEntry(label: label, color: ink.color, swatch: .bar)
    }

    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink) {
        frame.drawBars(&svg, track, scale: side == .right ? frame.y2 : nil, color: ink.color)
    }

    func clipped(to window: ClosedRange<Double>) -> BarsLayer {
        var copy = self
        copy.track = track.clipped(to: window)
        return copy
    }
}
