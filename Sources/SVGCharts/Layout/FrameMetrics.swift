/// Font sizes and spacings derived from the base font size, and the legend's measurements.
struct FrameMetrics {
    let font: Double
    var titleFont: Double { font * 1.45 }
    var subtitleFont: Double { font * 1.0 }
    var tickFont: Double { font * 0.9 }
    var legendFont: Double { font * 0.95 }
    var pad: Double { font * 1.4 }
    var tickLength: Double { 5 }
    var tickLineHeight: Double { tickFont * 1.25 }
    var legendRowHeight: Double { legendFont * 1.7 }
    var swatchWidth: Double { font * 1.8 }
    var markerFont: Double { font * 0.9 }
    var markerRowHeight: Double { markerFont * 1.45 }

    init(fontSize: Double) { font = fontSize }

    /// Height of the title and subtitle lines plus the gap under them (0 when both are empty).
    func titleBlockHeight(_ options: ChartOptions) -> Double {
        var height = 0.0
        if !options.title.isEmpty { height += titleFont * 1.35 }
        if !options.subtitle.isEmpty { height += subtitleFont * 1.45 }
        return height == 0 ? 0 : height + font * 0.5
    }

    /// The width one legend item takes in a row, spacing included.
    func legendItemWidth(_ entry: LegendEntry) -> Double {
        swatchWidth + font * 0.5 + FontMetrics.width(entry.label, size: legendFont) + font * 1.5
    }

    /// Legend items wrapped into rows no wider than `width`.
    func legendRows(_ entries: [LegendEntry], width: Double) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        var current: [LegendEntry] = [], used = 0.0
        for entry in entries {
            let w = legendItemWidth(entry)
            if !current.isEmpty && used + w > width {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(entry)
            used += w
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// The width of a legend drawn as a column right of the plot.
    func legendColumnWidth(_ entries: [LegendEntry]) -> Double {
        (entries.map { legendItemWidth($0) }.max() ?? 0) - font * 1.5
    }
}
