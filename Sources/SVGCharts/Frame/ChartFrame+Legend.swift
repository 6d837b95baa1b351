/// The legend: rows above the plot or a column right of it, never over the data.
extension ChartFrame {
    func drawLegend(_ svg: inout SVGWriter) {
        let m = metrics
        if !legendRows.isEmpty {
            let top = m.pad + m.titleBlockHeight(options)
            for (row, entries) in legendRows.enumerated() {
                var x = m.pad
                let centerY = top + (Double(row) + 0.5) * m.legendRowHeight
                for entry in entries {
                    legendItem(&svg, entry, x: x, centerY: centerY)
                    x += m.legendItemWidth(entry)
                }
            }
        } else if options.legend == .right && !spec.legend.isEmpty {
            var x = plot.maxX + m.font
            if let y2Ticks, let axis = spec.y2 {
                x += y2Ticks.maxWidth(size: m.tickFont) + m.tickLength + 5
                x += (options.y2Label ?? axis.title).isEmpty ? 0 : m.font * 1.9
            }
            for (row, entry) in spec.legend.enumerated() {
                legendItem(&svg, entry, x: x, centerY: plot.y + (Double(row) + 0.5) * m.legendRowHeight)
            }
        }
    }

    private func legendItem(_ svg: inout SVGWriter, _ entry: LegendEntry, x: Double, centerY: Double) {
        let m = metrics, sw = m.swatchWidth, color = SVGWriter.Value.string(entry.color)
        switch entry.swatch {
        case .line(let dashed):
            let dash: SVGWriter.Value = dashed ? "5 3" : "none"
            svg.element("line", [
                "x1": .number(x), "y1": .number(centerY), "x2": .number(x + sw), "y2": .number(centerY),
                "stroke": color, "stroke-width": 2.5, "stroke-dasharray": dash,
            ])
        case .thickLine:
            svg.element("line", [
                "x1": .number(x), "y1": .number(centerY), "x2": .number(x + sw), "y2": .number(centerY),
                "stroke": color, "stroke-width": 3.5,
            ])
        case .area, .span:
            let single = entry.swatch == .span ? ChartFrame.spanOpacity : entry.opacity ?? options.theme.bandOpacity
            let opacity = 1 - (1..<max(entry.overlapping, 1)).reduce(1 - single) { clear, _ in clear * (1 - single) }
            svg.element("rect", [
                "x": .number(x), "y": .number(centerY - m.font * 0.45), "width": .number(sw),
                "height": .number(m.font * 0.9), "fill": color, "fill-opacity": .fraction(opacity),
            ])
        case .bar:
            svg.element("rect", [
                "x": .number(x + sw * 0.3), "y": .number(centerY - m.font * 0.5), "width": .number(sw * 0.4),
                "height": .number(m.font), "fill": color,
            ])
        case .dot:
            svg.element("circle", ["cx": .number(x + sw / 2), "cy": .number(centerY), "r": 3.5, "fill": color])
        }
        label(&svg, entry.label, x: x + sw + m.font * 0.5, y: centerY + m.legendFont * 0.35,
              size: m.legendFont, color: options.theme.text)
    }

    /// Opacity of highlighted time spans (alerts).
    static let spanOpacity = 0.16
}
