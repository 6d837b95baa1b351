/// What a layer tells the chart (its extent, legend entry, markers) and how it draws itself on
/// the laid-out frame. One small struct per layer kind in `Layers/`, made public through `Layer`.
protocol LayerContent: Sendable {
    /// Checks the data, naming the layer in the message.
    func validate() throws(ChartError)
    /// The horizontal span the data covers; nil for layers that place nothing (rules, notes).
    var xExtent: ClosedRange<Double>? { get }
    /// The step between values, which widens an axis holding a single point.
    var step: Double? { get }
    /// The smallest and largest values inside `window` (all when nil) the value axis must show.
    func yExtent(in window: ClosedRange<Double>?) -> (Double, Double)?
    /// The value axis the layer is drawn against.
    var side: AxisSide { get }
    /// The colour asked for; nil takes one automatically (see `coloring`).
    var paint: Paint? { get }
    /// Where an automatic colour comes from.
    var coloring: Coloring { get }
    /// Where the layer is drawn.
    var placement: Placement { get }
    /// Its legend entry, if it has one.
    func legendEntry(_ ink: Ink) -> LegendEntry?
    /// Its vertical markers, whose labels go in rows above the plot.
    func markers(_ ink: Ink, _ context: MarkerContext) -> [FrameSpec.Marker]
    /// Draws the layer.
    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink)
    /// The box of a label the layer draws at a fixed place, which notes keep clear of; nil without one.
    func labelBox(on frame: ChartFrame) -> Rect?
    /// The layer restricted to the horizontal `window` (and one value either side).
    func clipped(to window: ClosedRange<Double>) -> Self
}

/// The value axis a layer uses.
public enum AxisSide: Sendable {
    /// The left axis.
    case left
    /// The right axis, which appears when a layer uses it.
    case right
}

/// Where an automatic colour comes from.
enum Coloring {
    /// The next unused palette colour.
    case next
    /// The colour of the data layer before it (a band around its line), else the next one.
    case previous
}

/// Where a layer is drawn, in the document's order.
enum Placement {
    /// With the data, clipped to the plot, under the axes.
    case data
    /// As labelled vertical markers, by the frame after the axes.
    case markers
    /// Over the axes and markers, unclipped (notes that may reach past the plot).
    case overlay
}

/// A layer's resolved colour.
struct Ink {
    let color: String
    /// Whether a line in this colour is dashed by default: palette colours after the palette wrapped.
    let wrapped: Bool
    /// Whether the colour is the theme's colour of actual values (listed first in the legend).
    let isActual: Bool
}

/// What marker labels need to know of the chart: the options and the horizontal span.
struct MarkerContext {
    let options: ChartOptions
    let xRange: ClosedRange<Double>
}

extension LayerContent {
    var xExtent: ClosedRange<Double>? { nil }
    var step: Double? { nil }
    func yExtent(in window: ClosedRange<Double>?) -> (Double, Double)? { nil }
    var side: AxisSide { .left }
    var coloring: Coloring { .next }
    var placement: Placement { .data }
    func legendEntry(_ ink: Ink) -> LegendEntry? { nil }
    func markers(_ ink: Ink, _ context: MarkerContext) -> [FrameSpec.Marker] { [] }
    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink) {}
    func labelBox(on frame: ChartFrame) -> Rect? { nil }
    func clipped(to window: ClosedRange<Double>) -> Self { self }
}

extension ClosedRange<Double> {
    /// The smallest range holding all of `ranges`; nil for none.
    static func union(_ ranges: [ClosedRange<Double>]) -> ClosedRange<Double>? {
        guard let first = ranges.first else { return nil }
        return ranges.dropFirst().reduce(first) { $0.union($1) }
    }

    /// The smallest range holding both.
    func union(_ other: ClosedRange<Double>?) -> ClosedRange<Double> {
        guard let other else { return self }
        return Swift.min(lowerBound, other.lowerBound)...Swift.max(upperBound, other.upperBound)
    }
}

/// The smallest and largest of several extents.
func combined(_ extents: [(Double, Double)?]) -> (Double, Double)? {
    let known = extents.compactMap { $0 }
    guard let lo = known.map(\.0).min(), let hi = known.map(\.1).max() else { return nil }
    return (lo, hi)
}
