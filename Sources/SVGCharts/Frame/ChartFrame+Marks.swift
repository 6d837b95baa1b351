import Cancellation

/// Data marks the layers draw: thinned polylines, bands, bars, dots.
extension ChartFrame {
    /// Pixel polylines through (`xs[i]`, `ys[i]`), split where a value is missing (or not positive on a
    /// log scale) and thinned to the plot's pixel columns.
    func polylines(_ xs: [Double], _ ys: [Double], scale: ValueScale? = nil) -> [[Point]] {
        let yScale = scale ?? y
        let positiveOnly = if case .log = yScale { true } else { false }
        var lines: [[Point]] = [], current: [Point] = []
        for index in 0..<min(xs.count, ys.count) {
            if index & 0xFFFF == 0, CancellationCheck.isRequested { return [] }  // `Chart.render` throws
            let (xv, yv) = (xs[index], ys[index])
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

    /// `polylines` for a track.
    func polylines(_ track: Track, scale: ValueScale? = nil) -> [[Point]] {
        polylines(track.xs, track.values, scale: scale)
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

    /// A filled band between `lower` and `upper` (aligned tracks), split where either bound is missing.
    func drawBand(_ svg: inout SVGWriter, lower: Track, upper: Track, color: String, opacity: Double? = nil) {
        let xs = lower.xs
        let both = zip(lower.values, upper.values).map { $0.isFinite && $1.isFinite }
        let uppers = polylines(xs, zip(upper.values, both).map { $1 ? $0 : .nan })
        let lowers = polylines(xs, zip(lower.values, both).map { $1 ? $0 : .nan })
        var d = ""
        for (top, bottom) in zip(uppers, lowers) {
            d += pathData([top + bottom.reversed()]) + "Z"
        }
        guard !d.isEmpty else { return }
        svg.element("path", [
            "d": .string(d), "fill": .string(color), "fill-opacity": .fraction(opacity ?? options.theme.bandOpacity),
            "stroke": "none",
        ])
    }

    /// One bar per step from the start of its step to the next, a little narrower than the step;
    /// when steps are under two pixels wide, each pixel column shows its largest bar instead.
    func drawBars(_ svg: inout SVGWriter, _ track: Track, scale: ValueScale? = nil, color: String) {
        let yScale = scale ?? y
        let stepWidth = abs(x(track.x(1)) - x(track.x(0)))
        let zero = yScale(0)
        var columns: [(left: Double, width: Double, value: Double)] = []
        for (i, v) in track.values.enumerated() where v.isFinite {
            if i & 0xFFFF == 0, CancellationCheck.isRequested { return }  // `Chart.render` throws
            let left = x(track.x(i))
            if stepWidth >= 2 {
                columns.append((left + stepWidth * 0.1, stepWidth * 0.8, v))
            } else if let last = columns.last, last.left == left.rounded(.down) {
                if abs(v) > abs(last.value) { columns[columns.count - 1].value = v }
            } else {
                columns.append((left.rounded(.down), 1, v))
            }
        }
        var d = ""
        for column in columns {
            d += "M\(DecimalFormat.coordinate(column.left)) \(DecimalFormat.coordinate(zero))"
            d += "V\(DecimalFormat.coordinate(yScale(column.value)))h\(DecimalFormat.coordinate(column.width))"
            d += "V\(DecimalFormat.coordinate(zero))Z"
        }
        guard !d.isEmpty else { return }
        svg.element("path", ["d": .string(d), "fill": .string(color), "fill-opacity": .fraction(0.8)])
    }

    /// A small filled circle at pixel `point`, ringed in the background colour so it stands out.
    func drawDot(_ svg: inout SVGWriter, _ point: Point, color: String, radius: Double = 3.5) {
        svg.element("circle", [
            "cx": .number(point.x), "cy": .number(point.y), "r": .number(radius), "fill": .string(color),
            "stroke": .string(options.theme.background), "stroke-width": 1.5,
        ])
    }
}
