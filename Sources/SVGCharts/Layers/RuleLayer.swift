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
        let py = rulePixel(on: frame), plot = frame.plot
        svg.element("line", [
            "x1": .number(plot.x), "y1": .number(py), "x2": .number(plot.maxX), "y2": .number(py),
            "stroke": .string(ink.color), "stroke-width": 1.5, "stroke-dasharray": "8 4",
        ])
        frame.haloText(&svg, label, x: plot.maxX - 4, y: labelBaseline(on: frame), color: ink.color, anchor: "end")
    }

    func labelBox(on frame: ChartFrame) -> Rect? {
        guard !label.isEmpty else { return nil }
        let size = frame.metrics.markerFont, width = FontMetrics.width(label, size: size)
        return Rect(x: frame.plot.maxX - 4 - width, y: labelBaseline(on: frame) - size, width: width, height: size * 1.2)
    }

    /// The rule's vertical pixel.
    private func rulePixel(on frame: ChartFrame) -> Double {
        frame.crisp((side == .right ? frame.y2 ?? frame.y : frame.y)(value))
    }

    /// The label's baseline: above the rule, or below it when there is no room above.
    private func labelBaseline(on frame: ChartFrame) -> Double {
        let py = rulePixel(on: frame), size = frame.metrics.markerFont
        return py - 5 - size >= frame.plot.y ? py - 5 : py + size + 3
    }
}
