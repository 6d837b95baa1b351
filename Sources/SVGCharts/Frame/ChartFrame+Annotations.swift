/// Text placed over or above the data: marker labels above the plot and point annotations.
extension ChartFrame {
    /// Where each marker's label goes: its text span in pixels and its row (0 is nearest the plot).
    /// Labels sit right of their marker, or left near the edge. From the rightmost marker leftwards,
    /// each takes the nearest row where it overlaps no label and crosses no other marker's line (a
    /// line rises through the rows below its own label); when no row is free the top row takes it.
    func markerRows() -> [Int] { markerPlacements().map(\.row) }

    private func markerPlacements() -> [(span: ClosedRange<Double>, row: Int, rightOfLine: Bool)] {
        let m = metrics, rows = max(1, spec.headroomRows)
        var placed: [(line: Double, span: ClosedRange<Double>, row: Int)] = []
        var placements = [(span: ClosedRange<Double>, row: Int, rightOfLine: Bool)](repeating: (0...0, 0, true), count: spec.markers.count)
        let rightToLeft = spec.markers.indices.sorted { x(spec.markers[$0].minute) > x(spec.markers[$1].minute) }
        for index in rightToLeft {
            let marker = spec.markers[index]
            let px = x(marker.minute), width = FontMetrics.width(marker.text, size: m.markerFont)
            let fitsRight = px + 4 + width <= options.width - m.pad / 2
            let span = fitsRight ? (px + 4)...(px + 4 + width) : (px - 4 - width)...(px - 4)
            let room = (span.lowerBound - 6)...(span.upperBound + 6)
            let row = (0..<rows).first { row in
                placed.allSatisfy { other in
                    !(other.row == row && other.span.overlaps(room))  // another label in the row
                        && !(other.row > row && room.contains(other.line))  // another line rising through this label
                        && !(other.row < row && other.span.contains(px))  // this line rising through another label
                }
            } ?? rows - 1
            placed.append((px, span, row))
            placements[index] = (span, row, fitsRight)
        }
        return placements
    }

    /// The markers: dashed lines across the plot, labels in the rows above it.
    func drawMarkers(_ svg: inout SVGWriter) {
        let m = metrics
        for (marker, place) in zip(spec.markers, markerPlacements()) {
            let baseline = plot.y - m.markerFont * 0.45 - Double(place.row) * m.markerRowHeight
            label(&svg, marker.text, x: place.rightOfLine ? place.span.lowerBound : place.span.upperBound, y: baseline,
                  size: m.markerFont, color: marker.color, anchor: place.rightOfLine ? "start" : "end")
            let px = crisp(x(marker.minute))
            svg.element("line", [
                "x1": .number(px), "y1": .number(baseline - m.markerFont * 0.8), "x2": .number(px),
                "y2": .number(plot.maxY), "stroke": .string(marker.color), "stroke-width": 1.5,
                "stroke-dasharray": "3 3",
            ])
        }
    }

    /// A dot at `point` with `text` beside it, on a halo of the background colour so it stays
    /// readable over lines; it flips to the left near the right edge, and goes below the dot when
    /// above it would cover a label drawn at a fixed place (a target rule's), or beside that label.
    func drawAnnotation(_ svg: inout SVGWriter, at point: Point, text: String, color: String) {
        let m = metrics
        drawDot(&svg, point, color: color, radius: 4)
        let width = FontMetrics.width(text, size: m.markerFont)
        let right = point.x + 8 + width <= plot.maxX
        let left = right ? point.x + 8 : point.x - 8 - width
        let beside = reservedLabels.flatMap { [$0.y - 2, $0.maxY + m.markerFont + 2] }.sorted { abs($0 - point.y) < abs($1 - point.y) }
        let baselines = ([point.y - 8, point.y + 8 + m.markerFont] + beside).map { min(max($0, plot.y + m.markerFont), plot.maxY - 4) }
        let y = baselines.first { baseline in
            let box = Rect(x: left, y: baseline - m.markerFont, width: width, height: m.markerFont * 1.2)
            return !reservedLabels.contains { $0.overlaps(box) }
        } ?? baselines[0]
        haloText(&svg, text, x: right ? point.x + 8 : point.x - 8, y: y, color: options.theme.text, anchor: right ? "start" : "end")
    }

    /// Marker-sized text on a halo of the background colour, readable over lines.
    func haloText(_ svg: inout SVGWriter, _ text: String, x: Double, y: Double, color: String, anchor: String) {
        guard !text.isEmpty else { return }
        svg.textElement("text", [
            "x": .number(x), "y": .number(y), "font-size": .number(metrics.markerFont),
            "fill": .string(color), "text-anchor": .string(anchor),
            "stroke": .string(options.theme.background), "stroke-width": 3, "stroke-linejoin": "round",
            "paint-order": "stroke",
        ], text)
    }
}
