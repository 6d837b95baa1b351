/// Shaded stretches of time across the whole plot height (alerts, an outage).
struct SpanLayer: LayerContent {
    var spans: [ClosedRange<Double>]
    var label: String
    var paint: Paint?

    func validate() throws(ChartError) {
        guard spans.allSatisfy({ $0.lowerBound.isFinite && $0.upperBound.isFinite }) else {
            throw ChartError("\(ChartError.layer("span", label)) times must be finite")
        }
    }

    func legendEntry(_ ink: Ink) -> LegendEntry? {
        label.isEmpty ? nil : LegendEntry(label: label, color: ink.color, swatch: .span)
    }

    /// One path of rectangles, at least 1.5 pixels wide so a single step shows.
    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink) {
        var d = ""
        for span in spans {
            let left = frame.x(span.lowerBound), right = frame.x(span.upperBound)
            d += "M\(DecimalFormat.coordinate(left)) \(DecimalFormat.coordinate(frame.plot.y))"
            d += "H\(DecimalFormat.coordinate(max(right, left + 1.5)))V\(DecimalFormat.coordinate(frame.plot.maxY))"
            d += "H\(DecimalFormat.coordinate(left))Z"
        }
        guard !d.isEmpty else { return }
        svg.element("path", ["d": .string(d), "fill": .string(ink.color), "fill-opacity": .fraction(ChartFrame.spanOpacity)])
    }
}
