import NumberText

/// Everything about a chart's look that is not data; every field has a sensible default.
///
/// Option names in errors are the lowercase keys the Lua library uses (`xlabel`, `fontsize`).
public struct ChartOptions: Sendable {
    /// Width in pixels (the SVG also gets a matching `viewBox`, so it scales).
    public var width: Double = 800
    /// Height in pixels.
    public var height: Double = 450
    /// Bold headline; empty for none.
    public var title = ""
    /// Second, lighter headline line; empty for none.
    public var subtitle = ""
    /// Horizontal axis title; nil for the chart kind's default, empty for none.
    public var xLabel: String?
    /// Left vertical axis title; nil for the chart kind's default, empty for none.
    public var yLabel: String?
    /// Right vertical axis title, for charts with a second axis; nil for the default.
    public var y2Label: String?
    /// Accessible description (`<desc>`); nil to generate one from the data.
    public var summary: String?
    /// Colours: `.light` or `.dark`.
    public var theme = Theme.light
    /// Currency symbol for money axes and labels.
    public var currency = Currency.none
    /// Zone for clock labels on time axes.
    public var timeZone = ShopZone.utc
    /// Whether time axes show wall-clock times or minutes since the first point.
    public var timeLabels = TimeLabels.clock
    /// Where the legend goes; it is always outside the plot so it never covers data.
    public var legend = LegendPosition.top
    /// Logarithmic value axis (loss charts).
    public var logScale = false
    /// Base font size in pixels; titles and ticks scale from it.
    public var fontSize: Double = 12
    /// How long series are thinned to the plot's pixel columns.
    public var reduction = Reduction.minMax
    /// The first minute the time axis shows (epoch minutes); nil for the data's first.
    public var xFrom: Double?
    /// The last minute the time axis shows; nil for the data's last. With a window, the value
    /// axis fits the values inside it.
    public var xTo: Double?
    /// The value axis' low end; nil to fit the data.
    public var yMin: Double?
    /// The value axis' high end; nil to fit the data.
    public var yMax: Double?

    /// Default options.
    public init() {}

    /// Checks ranges, naming the first bad option.
    public func validate() throws(ChartError) {
        try Self.check(width, "width", 320...20000)
        try Self.check(height, "height", 200...20000)
        try Self.check(fontSize, "fontsize", 6...48)
        for (value, name) in [(xFrom, "from"), (xTo, "to"), (yMin, "ymin"), (yMax, "ymax")] {
            if let value, !value.isFinite { throw .option(name, "must be a finite number") }
        }
        if let yMin, let yMax, yMin >= yMax { throw .option("ymin", "must be less than 'ymax'") }
        if let xFrom, let xTo, xFrom > xTo { throw .option("from", "must be before 'to'") }
    }

    private static func check(_ value: Double, _ name: String, _ allowed: ClosedRange<Double>) throws(ChartError) {
        guard value.isFinite, value > 0 else { throw .option(name, "must be a positive number") }
        guard value >= allowed.lowerBound else {
            throw .option(name, "must be at least \(NumberFormat.trimmed(allowed.lowerBound, decimals: 0))")
        }
        guard value <= allowed.upperBound else {
            throw .option(name, "must be at most \(NumberFormat.trimmed(allowed.upperBound, decimals: 0))")
        }
    }
}

/// How a time axis is labelled.
public enum TimeLabels: String, Sendable, CaseIterable {
    /// Wall-clock times on minute, hour and day boundaries: `14:00`, `Mon 20 May`.
    case clock
    /// Minutes since the first point: `0`, `30`, `60`.
    case elapsed
}

/// Where the legend sits, always outside the plot area.
public enum LegendPosition: String, Sendable, CaseIterable {
    /// One or more rows between the titles and the plot.
    case top
    /// A column right of the plot.
    case right
    /// No legend.
    case none
}

/// How series longer than the plot is wide are thinned before drawing.
public enum Reduction: String, Sendable, CaseIterable {
    /// First, lowest, highest and last point of each pixel column: the drawn line is unchanged.
    case minMax = "minmax"
    /// Largest-Triangle-Three-Buckets down to two points per pixel column: smoother, smaller.
    case lttb
}
