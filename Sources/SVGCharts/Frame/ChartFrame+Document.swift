/// Drawing the frame around a chart's data: the SVG envelope, titles, grid, axes and legend.
extension ChartFrame {
    /// The complete document: chrome, then `data` clipped to the plot, then axes, then `overlay`
    /// (markers and labels that may extend past the plot), then the legend.
    func document(
        data: (inout SVGWriter) -> Void, overlay: (inout SVGWriter) -> Void = { _ in }
    ) -> SVGDocument {
        let theme = options.theme
        let (w, h) = (options.width, options.height)
        var svg = SVGWriter()
        svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": .number(w), "height": .number(h),
            "viewBox": .string("0 0 \(DecimalFormat.coordinate(w)) \(DecimalFormat.coordinate(h))"),
            "role": "img", "aria-labelledby": "chart-title chart-desc",
            "font-family": "DejaVu Sans, Verdana, Arial, sans-serif",
        ])
        let heading = options.title.isEmpty ? spec.kind.prefix(1).uppercased() + spec.kind.dropFirst() : options.title
        svg.textElement("title", ["id": "chart-title"], heading)
        svg.textElement("desc", ["id": "chart-desc"], options.summary ?? spec.summary)
        svg.element("rect", ["width": .number(w), "height": .number(h), "fill": .string(theme.background)])
        svg.open("defs")
        svg.open("clipPath", ["id": "plot-area"])
        svg.element("rect", [
            "x": .number(plot.x), "y": .number(plot.y - 1), "width": .number(plot.width),
            "height": .number(plot.height + 2),
        ])
        svg.close("clipPath")
        svg.close("defs")
        drawTitles(&svg)
        drawGrid(&svg)
        svg.open("g", ["clip-path": "url(#plot-area)"])
        data(&svg)
        svg.close("g")
        drawAxes(&svg)
        drawMarkers(&svg)
        overlay(&svg)
        drawLegend(&svg)
        svg.close("svg")
        return SVGDocument(kind: String(spec.kind.split(separator: " ").first ?? ""), width: w, height: h, text: svg.text)
    }

    /// A text element; `anchor` is `start`, `middle` or `end`.
    func label(
        _ svg: inout SVGWriter, _ text: String, x: Double, y: Double, size: Double, color: String,
        anchor: String = "start", bold: Bool = false, rotate: Double? = nil
    ) {
        guard !text.isEmpty else { return }
        var attributes: [(key: String, value: SVGWriter.Value)] = [
            ("x", .number(x)), ("y", .number(y)), ("font-size", .number(size)), ("fill", .string(color)),
        ]
        if anchor != "start" { attributes.append(("text-anchor", .string(anchor))) }
        if bold { attributes.append(("font-weight", "bold")) }
        if let rotate {
            let center = "\(DecimalFormat.coordinate(x)) \(DecimalFormat.coordinate(y))"
            attributes.append(("transform", .string("rotate(\(DecimalFormat.coordinate(rotate)) \(center))")))
        }
        svg.textElement("text", attributes, text)
    }

    private func drawTitles(_ svg: inout SVGWriter) {
        let room = options.width - 2 * metrics.pad
        var baseline = metrics.pad + metrics.titleFont * 0.8
        if !options.title.isEmpty {
            label(&svg, FontMetrics.fitted(options.title, size: metrics.titleFont, bold: true, maxWidth: room),
                  x: metrics.pad, y: baseline, size: metrics.titleFont, color: options.theme.text, bold: true)
            baseline += metrics.subtitleFont * 1.55
        } else {
            baseline = metrics.pad + metrics.subtitleFont * 0.8
        }
        label(&svg, FontMetrics.fitted(options.subtitle, size: metrics.subtitleFont, maxWidth: room),
              x: metrics.pad, y: baseline, size: metrics.subtitleFont, color: options.theme.mutedText)
    }

    private func drawGrid(_ svg: inout SVGWriter) {
        var d = ""
        for value in yTicks.values {
            d += "M\(DecimalFormat.coordinate(plot.x)) \(DecimalFormat.coordinate(crisp(y(value))))"
            d += "H\(DecimalFormat.coordinate(plot.maxX))"
        }
        for value in xTicks.values {
            d += "M\(DecimalFormat.coordinate(crisp(x(value)))) \(DecimalFormat.coordinate(plot.y))"
            d += "V\(DecimalFormat.coordinate(plot.maxY))"
        }
        svg.element("path", ["d": .string(d), "stroke": .string(options.theme.grid), "stroke-width": 1, "fill": "none"])
    }

    /// `value` moved to a pixel centre so 1-pixel lines stay sharp.
    func crisp(_ value: Double) -> Double { value.rounded(.down) + 0.5 }
}
