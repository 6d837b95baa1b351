/// A horizontal line across the plot at a value (a target), labelled at its right end.
struct RuleLayer: LayerContent {
    var value: Double
    var label: String
    var paint: Paint?
    var side: AxisSide

    func validate() throws(ChartError) {
        guard value.isFinite else { throw ChartError("\(ChartError.layer("rule", label)) value must be a finite number") }
    }

    func yExtent(in window: ClosedRange<Double>?) -> (Double, Double)? { (value, value) }

    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink) {
        let scale = side == .right ? frame.y2 ?? frame.y : frame.y
        let py = frame.crisp(scale(value)), plot = frame.plot, m = frame.metrics
        svg.element("line", [
            "x1": .number(plot.x), "y1": .number(py), "x2": .number(plot.maxX), "y2": .number(py),
            "stroke": .string(ink.color), "stroke-width": 1.5, "stroke-dasharray": "8 4",
        ])
        let above = py - 5 - m.markerFont >= plot.y
        frame.haloText(&svg, label, x: plot.maxX - 4, y: above ? py - 5 : py + m.markerFont + 3, color: ink.color, anchor: "end")
    }
}
