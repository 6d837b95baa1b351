
/// Data marks every chart kind shares: thinned polylines, interval bands, markers.
extension ChartFrame {
    /// Pixel polylines through (`xs[i]`, `ys[i]`), split where a value is missing (or not positive on a
    /// log scale) and thinned to the plot's pixel columns.
    func polylines(_ xs: [Double], _ ys: [Double], scale: ValueScale? = nil) -> [[Point]] {
        let yScale = scale ?? y
        let positiveOnly = if case .log = yScale { true } else { false }
        var lines: [[Point]] = [], current: [Point] = []
        for (xv, yv) in zip(xs, ys) {
            if xv.isFinite && yv.isFinite && (!positiveOnly || yv > 0) {
                current.append(Point(x: x(xv), y: yScale(yv)))
            } else if !current.isEmpty {
                lines.append(current)
                current = []
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { options.reduction.reduce($0, columns: Int(plot.width)) }
    }

    /// `polylines` for a series on a time axis.
    func polylines(_ series: PlotLine, on axis: TimeAxis, scale: ValueScale? = nil) -> [[Point]] {
        polylines(series.values.indices.map { axis.minute(at: series.start + $0) }, series.values, scale: scale)
    }

    /// SVG path data for `lines`.
    func pathData(_ lines: [[Point]]) -> String {
        var d = ""
        for line in lines {
            for (i, p) in line.enumerated() {
                d += (i == 0 ? "M" : "L") + DecimalFormat.coordinate(p.x) + " " + DecimalFormat.coordinate(p.y)
            }
        }
        return d
    }

    /// Stroked polylines; `dashed` draws the forecast style.
    func drawLines(
        _ svg: inout SVGWriter, _ lines: [[Point]], color: String, width: Double = 2, dashed: Bool = false
    ) {
        let strokes = lines.filter { $0.count > 1 }
        if !strokes.isEmpty {
            let dash: SVGWriter.Value = dashed ? "7 4" : "none"
            svg.element("path", [
                "d": .string(pathData(strokes)), "fill": "none", "stroke": .string(color), "stroke-width": .number(width),
                "stroke-linejoin": "round", "stroke-linecap": "round", "stroke-dasharray": dash,
            ])
        }
        for line in lines where line.count == 1 {  // a value between two gaps: a dot, or it would not show
            svg.element("circle", ["cx": .number(line[0].x), "cy": .number(line[0].y), "r": .number(width * 1.25), "fill": .string(color)])
        }
    }

    /// A filled band between `lower` and `upper` (aligned, starting at axis index `start`),
    /// split where either bound is missing.
    func drawBand(
        _ svg: inout SVGWriter, axis: TimeAxis, start: Int, lower: [Double], upper: [Double], color: String
    ) {
        let xs = lower.indices.map { axis.minute(at: start + $0) }
        let both = zip(lower, upper).map { $0.isFinite && $1.isFinite }
        let uppers = polylines(xs, zip(upper, both).map { $1 ? $0 : .nan })
        let lowers = polylines(xs, zip(lower, both).map { $1 ? $0 : .nan })
        var d = ""
        for (top, bottom) in zip(uppers, lowers) {
            d += pathData([top + bottom.reversed()]) + "Z"
        }
        guard !d.isEmpty else { return }
        svg.element("path", [
            "d": .string(d), "fill": .string(color), "fill-opacity": .fraction(options.theme.bandOpacity),
            "stroke": "none",
        ])
    }

    /// A small filled circle at pixel `point`, ringed in the background colour so it stands out.
    func drawDot(_ svg: inout SVGWriter, _ point: Point, color: String, radius: Double = 3.5) {
        svg.element("circle", [
            "cx": .number(point.x), "cy": .number(point.y), "r": .number(radius), "fill": .string(color),
            "stroke": .string(options.theme.background), "stroke-width": 1.5,
        ])
    }
}
