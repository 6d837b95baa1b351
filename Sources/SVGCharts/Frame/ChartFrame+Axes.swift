/// Axis lines, ticks, tick labels and axis titles.
extension ChartFrame {
    func drawAxes(_ svg: inout SVGWriter) {
        let theme = options.theme, m = metrics
        let baseY = crisp(plot.maxY)
        var d = "M\(DecimalFormat.coordinate(plot.x)) \(DecimalFormat.coordinate(baseY))H\(DecimalFormat.coordinate(plot.maxX))"
        for value in xTicks.values {
            d += "M\(DecimalFormat.coordinate(crisp(x(value)))) \(DecimalFormat.coordinate(baseY))v\(DecimalFormat.coordinate(m.tickLength))"
        }
        svg.element("path", ["d": .string(d), "stroke": .string(theme.axis), "stroke-width": 1, "fill": "none"])

        svg.open("g", ["font-size": .number(m.tickFont), "fill": .string(theme.mutedText)])
        for (value, lines) in zip(xTicks.values, xTicks.labels) {
            let half = (lines.map { FontMetrics.width($0, size: m.tickFont) }.max() ?? 0) / 2
            let center = min(max(x(value), half + 2), options.width - half - 2)
            for (row, line) in lines.enumerated() {
                let baseline = plot.maxY + m.tickLength + 3 + m.tickFont * 0.95 + Double(row) * m.tickLineHeight
                tickLabel(&svg, line, x: center, y: baseline, anchor: "middle")
            }
        }
        for (value, lines) in zip(yTicks.values, yTicks.labels) {
            tickLabel(&svg, lines.first ?? "", x: plot.x - m.tickLength - 3, y: y(value) + m.tickFont * 0.35, anchor: "end")
        }
        if let y2, let y2Ticks {
            for (value, lines) in zip(y2Ticks.values, y2Ticks.labels) {
                tickLabel(&svg, lines.first ?? "", x: plot.maxX + m.tickLength + 3, y: y2(value) + m.tickFont * 0.35, anchor: "start")
            }
        }
        svg.close("g")
        drawAxisTitles(&svg)
    }

    /// A tick label inheriting size and colour from its group.
    private func tickLabel(_ svg: inout SVGWriter, _ text: String, x: Double, y: Double, anchor: String) {
        svg.textElement("text", ["x": .number(x), "y": .number(y), "text-anchor": .string(anchor)], text)
    }

    private func drawAxisTitles(_ svg: inout SVGWriter) {
        let m = metrics, color = options.theme.text
        let middleY = plot.y + plot.height / 2
        label(&svg, Self.xTitle(spec, options), x: plot.x + plot.width / 2, y: options.height - m.pad * 0.8,
              size: m.font, color: color, anchor: "middle")
        label(&svg, options.yLabel ?? spec.y.title, x: m.pad + m.font * 0.8, y: middleY,
              size: m.font, color: color, anchor: "middle", rotate: -90)
        if let axis = spec.y2, let y2Ticks {
            let x = plot.maxX + m.tickLength + 5 + y2Ticks.maxWidth(size: m.tickFont) + m.font * 1.1
            label(&svg, options.y2Label ?? axis.title, x: x, y: middleY,
                  size: m.font, color: color, anchor: "middle", rotate: 90)
        }
    }
}
