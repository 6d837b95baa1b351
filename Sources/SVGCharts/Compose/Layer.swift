/// One thing drawn on a chart's frame: a line, a band, bars, a rule, event markers, spans, dots or notes.
///
/// Layers are drawn in the order added (later ones on top); minutes are epoch minutes, so layers
/// of different steps and starts share a chart. The legend lists the actual line first, then the
/// other lines, bars and dots, then bands, then spans, each group in the order added.
public struct Layer: Sendable {
    let content: any LayerContent
    /// The panel of a chart with `panels` the layer is drawn in; nil: every panel.
    public private(set) var panel: String?

    init(content: any LayerContent) {
        self.content = content
    }

    /// This layer drawn only in the panel `name` of a chart with `panels` (small multiples).
    public func inPanel(_ name: String) -> Layer {
        var copy = self
        copy.panel = name
        return copy
    }

    /// Checks the layer's data, as rendering does, so callers can report a problem where the layer is added.
    public func validate() throws(ChartError) { try content.validate() }

    /// A line through `series`; `label` (default the series' name, `""` for none) goes in the
    /// legend; `dashed` nil dashes palette colours once the palette has wrapped around.
    public static func line(
        _ series: TimedSeries, label: String? = nil, paint: Paint? = nil, width: Double = 2, dashed: Bool? = nil,
        side: AxisSide = .left
    ) -> Layer {
        lines([series], label: label ?? series.name, paint: paint, width: width, dashed: dashed, side: side)
    }

    /// Several lines in one style with one legend entry (a back-test's forecast pieces).
    public static func lines(
        _ series: [TimedSeries], label: String, paint: Paint? = nil, width: Double = 2, dashed: Bool? = nil,
        side: AxisSide = .left
    ) -> Layer {
        Layer(content: LineLayer(tracks: series.map(Track.init), label: label, paint: paint, width: width, dashed: dashed, side: side))
    }

    /// A shaded band between `lower` and `upper` (same start, step and length); without a paint
    /// it takes the colour of the layer before it, so a band wraps its line. `opacity` (0...1)
    /// defaults to the theme's, light enough for lines to show through.
    public static func band(lower: TimedSeries, upper: TimedSeries, label: String = "", paint: Paint? = nil,
                            opacity: Double? = nil) -> Layer {
        Layer(content: BandLayer(lower: Track(lower), upper: Track(upper), label: label, paint: paint, opacity: opacity))
    }

    /// A band of a nested set drawn widest first, which `overlapping` band layers shade where it
    /// shows alone (itself and the wider ones): its legend swatch is as dark as that shading.
    static func nestedBand(lower: TimedSeries, upper: TimedSeries, label: String, paint: Paint, overlapping: Int) -> Layer {
        Layer(content: BandLayer(lower: Track(lower), upper: Track(upper), label: label, paint: paint, overlapping: overlapping))
    }

    /// A bar per value of `series`, standing on zero, as wide as its step.
    public static func bars(_ series: TimedSeries, label: String? = nil, paint: Paint? = nil, side: AxisSide = .left) -> Layer {
        Layer(content: BarsLayer(track: Track(series), label: label ?? series.name, paint: paint, side: side))
    }

    /// A horizontal line across the plot at `value` (a target), labelled at its right end; the
    /// value axis always reaches it.
    public static func rule(value: Double, label: String = "", paint: Paint = .muted, side: AxisSide = .left) -> Layer {
        Layer(content: RuleLayer(value: value, label: label, paint: paint, side: side))
    }

    /// A vertical line at epoch minute `minute` with `label` above the plot; `stamped` adds the
    /// time to the label (`now 14:30`). Lines outside the chart's time span are left out.
    public static func rule(minute: Double, label: String = "", paint: Paint = .muted, stamped: Bool = false) -> Layer {
        Layer(content: MarkerLayer(moments: [(minute, label)], paint: paint, stamped: stamped))
    }

    /// A vertical line, labelled above the plot, at each event.
    public static func events(_ events: [ChartEvent], paint: Paint = .alert) -> Layer {
        Layer(content: MarkerLayer(moments: events.map { (Double($0.minute), $0.label) }, paint: paint, stamped: false))
    }

    /// Shaded stretches of time (epoch minutes) across the plot's height, with one legend entry.
    public static func spans(_ spans: [ClosedRange<Double>], label: String = "", paint: Paint = .alert) -> Layer {
        Layer(content: SpanLayer(spans: spans, label: label, paint: paint))
    }

    /// Dots at (epoch minute, value) points; without a paint they take the colour of the layer
    /// before them. `onTop` draws them over the axes, unclipped.
    public static func dots(
        _ points: [(minute: Double, value: Double)], label: String = "", paint: Paint? = nil, radius: Double = 3.5,
        onTop: Bool = false, side: AxisSide = .left
    ) -> Layer {
        Layer(content: DotsLayer(points: points.map { ($0.minute, $0.value) }, label: label, paint: paint, radius: radius,
                                 onTop: onTop, side: side))
    }

    /// Notes pinned to points, each a dot with its text on a halo, over everything else; the
    /// value axis reaches their values.
    public static func notes(_ notes: [ChartAnnotation], paint: Paint = .text) -> Layer {
        Layer(content: NoteLayer(notes: notes, paint: paint))
    }
}
