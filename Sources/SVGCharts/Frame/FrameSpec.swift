/// What a chart kind asks of the shared frame: its axes, legend and description.
struct FrameSpec {
    /// The horizontal axis.
    enum XAxis {
        /// Epoch minutes `start...end`, labelled by wall clock or elapsed minutes.
        case time(start: Double, end: Double)
        /// Plain numbers such as epochs.
        case numbers(ValueAxis)
    }

    var x: XAxis
    var y: ValueAxis
    var y2: ValueAxis?
    var legend: [LegendEntry]
    /// The chart kind in words, e.g. `forecast chart`, for `<title>` and `<desc>` fallbacks.
    var kind: String
    /// A sentence about the data for `<desc>` when the options give none.
    var summary: String
    /// Labelled vertical markers (events, "now"); their labels go in rows above the plot.
    var markers: [Marker] = []
    /// Rows of marker labels to make room for between the legend and the plot; set by the frame.
    var headroomRows = 0

    /// A vertical line at an epoch minute with a label above the plot.
    struct Marker {
        let minute: Double
        let text: String
        let color: String
    }
}

/// A value axis request: the data extent to cover and how to label it.
struct ValueAxis {
    var lo: Double
    var hi: Double
    var title: String
    /// Labels carry the options' currency.
    var money = false
    /// Logarithmic (the extent must be positive).
    var log = false
    /// Only whole-number ticks (epochs).
    var integer = false

    /// An axis covering the finite values of `data`, optionally widened to include zero.
    static func covering(_ data: [[Double]], title: String, money: Bool, includeZero: Bool) -> ValueAxis {
        let extents = data.compactMap(\.finiteExtent)
        var lo = extents.map(\.0).min() ?? 0, hi = extents.map(\.1).max() ?? 1
        if includeZero {
            lo = min(lo, 0)
            hi = max(hi, 0)
        }
        return ValueAxis(lo: lo, hi: hi, title: title, money: money)
    }
}
