/// Text placed over or above the data: marker labels above the plot and point annotations.
extension ChartFrame {
    /// A label for a vertical marker.
    struct MarkerLabel {
        let x: Double
        let text: String
        let color: String
    }

    /// Marker labels in the rows reserved above the plot, each beside its marker, stacked so that
    /// no two overlap (the nearest free row wins; the top row takes any overflow).
    func drawMarkerLabels(_ svg: inout SVGWriter, _ labels: [MarkerLabel]) {
        let m = metrics, rows = max(1, spec.headroomRows)
        var taken = Array(repeating: [ClosedRange<Double>](), count: rows)
        for item in labels.sorted(by: { $0.x < $1.x }) {
            let width = FontMetrics.width(item.text, size: m.markerFont)
            let fitsRight = item.x + 4 + width <= options.width - m.pad / 2
            let span = fitsRight ? (item.x + 4)...(item.x + 4 + width) : (item.x - 4 - width)...(item.x - 4)
            let row = taken.firstIndex { row in
                row.allSatisfy { $0.upperBound + 6 < span.lowerBound || span.upperBound + 6 < $0.lowerBound }
            } ?? rows - 1
            taken[row].append(span)
            let baseline = plot.y - m.markerFont * 0.45 - Double(row) * m.markerRowHeight
            label(&svg, item.text, x: fitsRight ? span.lowerBound : span.upperBound, y: baseline,
                  size: m.markerFont, color: item.color, anchor: fitsRight ? "start" : "end")
            let px = crisp(item.x)
            svg.element("line", [
                "x1": .number(px), "y1": .number(baseline - m.markerFont * 0.8), "x2": .number(px),
                "y2": .number(plot.y), "stroke": .string(item.color), "stroke-width": 1.5,
                "stroke-dasharray": "3 3",
            ])
        }
    }

    /// A dot at `point` with `text` beside it, on a halo of the background colour so it stays
    /// readable over lines; it flips to the left near the right edge.
    func drawAnnotation(_ svg: inout SVGWriter, at point: Point, text: String, color: String) {
        let m = metrics
        drawDot(&svg, point, color: color, radius: 4)
        let width = FontMetrics.width(text, size: m.markerFont)
        let right = point.x + 8 + width <= plot.maxX
        let y = min(max(point.y - 8, plot.y + m.markerFont), plot.maxY - 4)
        svg.textElement("text", [
            "x": .number(right ? point.x + 8 : point.x - 8), "y": .number(y), "font-size": .number(m.markerFont),
            "fill": .string(options.theme.text), "text-anchor": right ? "start" : "end",
            "stroke": .string(options.theme.background), "stroke-width": 3, "stroke-linejoin": "round",
            "paint-order": "stroke",
        ], text)
    }
}
