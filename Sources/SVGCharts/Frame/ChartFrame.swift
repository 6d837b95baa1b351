
/// The laid-out chrome shared by every chart kind: titles, legend, plot area, axes and scales.
///
/// Layout runs top-down: title block and legend fix the top margin, tick labels fix the bottom,
/// the plot height gives the value ticks, their widths give the left margin, and the plot width
/// finally gives horizontal ticks, thinned until no two labels overlap.
struct ChartFrame {
    let spec: FrameSpec
    let options: ChartOptions
    let metrics: FrameMetrics
    let plot: Rect
    let x: LinearScale
    let xTicks: AxisTicks
    let y: ValueScale
    let yTicks: AxisTicks
    let y2: ValueScale?
    let y2Ticks: AxisTicks?
    let legendRows: [[LegendEntry]]
    /// Whether the margins left the plot less than its minimum height.
    let cramped: Bool
    /// Boxes of labels the layers draw at fixed places (a rule's), which notes keep clear of.
    var reservedLabels: [Rect] = []

    /// The smallest plot height the layout gives, whatever the margins want.
    static let minimumPlotHeight = 40.0

    /// The frame for `spec`, with just as many marker-label rows above the plot as the labels need;
    /// on charts too small for both, the plot keeps its room and the legend is left out.
    static func make(_ spec: FrameSpec, options: ChartOptions) -> ChartFrame {
        var spec = spec, options = options
        spec.headroomRows = min(3, spec.markers.count)
        let m = FrameMetrics(fontSize: options.fontSize)
        let labelRoom = options.width - 2 * m.pad - m.swatchWidth - m.font * 2
        spec.legend = spec.legend.map {
            LegendEntry(label: FontMetrics.fitted($0.label, size: m.legendFont, maxWidth: labelRoom), color: $0.color, swatch: $0.swatch, opacity: $0.opacity, overlapping: $0.overlapping)
        }
        var frame = ChartFrame(spec, options: options)
        if frame.cramped && options.legend != .none {
            options.legend = .none
            frame = ChartFrame(spec, options: options)
        }
        let used = (frame.markerRows().max() ?? -1) + 1
        guard used < spec.headroomRows else { return frame }
        spec.headroomRows = used
        return ChartFrame(spec, options: options)
    }

    private init(_ spec: FrameSpec, options: ChartOptions) {
        self.spec = spec
        self.options = options
        let m = FrameMetrics(fontSize: options.fontSize)
        metrics = m
        let showLegend = spec.legend.count > 1 || (spec.legend.count == 1 && options.legend == .right)
        let legend = showLegend ? options.legend : .none
        let rows = legend == .top ? m.legendRows(spec.legend, width: options.width - 2 * m.pad) : []
        legendRows = rows

        let top = m.pad + m.titleBlockHeight(options) + Double(rows.count) * m.legendRowHeight
            + (rows.isEmpty ? 0 : m.font * 0.9) + Double(spec.headroomRows) * m.markerRowHeight
        let guessTicks = Self.xTicks(spec, options, range: (0, options.width * 0.8), metrics: m).1
        let xTitle = Self.xTitle(spec, options)
        let bottom = m.pad * 0.8 + m.tickLength + 4 + Double(guessTicks.lineCount) * m.tickLineHeight
            + (xTitle.isEmpty ? 0 : m.font * 1.7)
        cramped = options.height - top - bottom < Self.minimumPlotHeight
        let plotHeight = max(Self.minimumPlotHeight, options.height - top - bottom)
        let yCount = max(2, (plotHeight / (m.font * 3.8)).rounded(.down))
        let yRange = (top + plotHeight, top)
        (y, yTicks) = spec.y.resolve(range: yRange, count: yCount, currency: options.currency)
        if let axis = spec.y2 {
            let resolved = axis.resolve(range: yRange, count: yCount, currency: options.currency)
            (y2, y2Ticks) = (resolved.0, resolved.1)
        } else {
            (y2, y2Ticks) = (nil, nil)
        }

        let yTitleSpace = (options.yLabel ?? spec.y.title).isEmpty ? 0 : m.font * 1.9
        let left = m.pad + yTitleSpace + yTicks.maxWidth(size: m.tickFont) + m.tickLength + 5
        var right = m.pad
        if let y2Ticks, let axis = spec.y2 {
            right += y2Ticks.maxWidth(size: m.tickFont) + m.tickLength + 5
            right += (options.y2Label ?? axis.title).isEmpty ? 0 : m.font * 1.9
        }
        if legend == .right { right += m.legendColumnWidth(spec.legend) + m.font }
        right = max(right, m.pad * 1.6)
        plot = Rect(x: left, y: top, width: max(40, options.width - left - right), height: plotHeight)
        (x, xTicks) = Self.xTicks(spec, options, range: (plot.x, plot.maxX), metrics: m)
    }

    /// The horizontal scale and the most ticks whose labels do not overlap.
    private static func xTicks(
        _ spec: FrameSpec, _ options: ChartOptions, range: (Double, Double), metrics m: FrameMetrics
    ) -> (LinearScale, AxisTicks) {
        var count = max(1, ((range.1 - range.0) / (m.font * 6.5)).rounded(.down))
        while true {
            var (scale, ticks) = xTicks(spec, options, range: range, count: count)
            if count > 1 && !ticks.fitsHorizontally(positions: ticks.values.map { scale($0) }, size: m.tickFont, gap: m.font) {
                count -= 1
                continue
            }
            while ticks.values.count > 1
                && !ticks.fitsHorizontally(positions: ticks.values.map { scale($0) }, size: m.tickFont, gap: m.font) {
                ticks = ticks.everyOther  // the last resort on very narrow charts
            }
            return (scale, ticks)
        }
    }

    private static func xTicks(
        _ spec: FrameSpec, _ options: ChartOptions, range: (Double, Double), count: Double
    ) -> (LinearScale, AxisTicks) {
        switch spec.x {
        case .time(let start, let end):
            let time = TimeScale(start: start, end: end, range: range, timeZone: options.timeZone)
            let ticks = options.timeLabels == .clock
                ? time.ticks(count: count) : time.elapsedTicks(origin: start, count: count)
            return (time.linear, AxisTicks(values: ticks.map(\.minute), labels: ticks.map(\.lines)))
        case .numbers(let axis):
            let (scale, ticks) = axis.resolve(range: range, count: count, currency: options.currency)
            guard case .linear(let linear) = scale else { return (LinearScale(domain: (0, 1), range: range), ticks) }
            return (linear, ticks)
        }
    }

    /// The horizontal axis title: the option, or the kind's default for the axis type.
    static func xTitle(_ spec: FrameSpec, _ options: ChartOptions) -> String {
        if let label = options.xLabel { return label }
        switch spec.x {
        case .time:
            if options.timeLabels == .elapsed { return "minutes since start" }
            return "time (\(options.timeZone))"
        case .numbers(let axis):
            return axis.title
        }
    }
}
