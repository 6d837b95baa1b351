/// Dots at points (a forecast's start, alert minutes, the best epoch), ringed in the background colour.
struct DotsLayer: LayerContent {
    var points: [(x: Double, y: Double)]
    var label: String
    var paint: Paint?
    var radius: Double
    /// Drawn over the axes, unclipped, rather than with the data.
    var onTop: Bool
    var side: AxisSide

    func validate() throws(ChartError) {
        guard radius > 0, radius <= 50 else { throw ChartError("\(ChartError.layer("dots", label)) radius must be between 0 and 50") }
    }

    var coloring: Coloring { .previous }
    var placement: Placement { onTop ? .overlay : .data }

    func yExtent(in window: ClosedRange<Double>?) -> (Double, Double)? {
        points.filter { $0.x.isFinite && window?.contains($0.x) ?? true }.map(\.y).finiteExtent
    }

    func legendEntry(_ ink: Ink) -> LegendEntry? {
        label.isEmpty ? nil : LegendEntry(label: label, color: ink.color, swatch: .dot)
    }

    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink) {
        let y = side == .right ? frame.y2 ?? frame.y : frame.y
        for point in points where point.x.isFinite && point.y.isFinite && frame.plot.spans(frame.x(point.x)) {
            frame.drawDot(&svg, Point(x: frame.x(point.x), y: y(point.y)), color: ink.color, radius: radius)
        }
    }
}
