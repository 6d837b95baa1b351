/// One or more lines sharing a style and one legend entry (a back-test's pieces).
struct LineLayer: LayerContent {
    var tracks: [Track]
    var label: String
    var paint: Paint?
    var width: Double
    /// Nil: dashed only once the palette has wrapped around.
    var dashed: Bool?
    var side: AxisSide

    func validate() throws(ChartError) {
        for track in tracks { try track.validate(ChartError.layer("line", label)) }
        guard width > 0, width <= 20 else { throw ChartError("\(ChartError.layer("line", label)) width must be between 0 and 20") }
    }

    var xExtent: ClosedRange<Double>? {
        ClosedRange<Double>.union(tracks.compactMap(\.extent))
    }

    var step: Double? { tracks.first?.step }

    func yExtent(in window: ClosedRange<Double>?) -> (Double, Double)? {
        combined(tracks.map { $0.valueExtent(in: window) })
    }

    private func isDashed(_ ink: Ink) -> Bool { dashed ?? ink.wrapped }

    func legendEntry(_ ink: Ink) -> LegendEntry? {
        guard !label.isEmpty else { return nil }
        return LegendEntry(label: label, color: ink.color, swatch: width >= 3 ? .thickLine : .line(dashed: isDashed(ink)))
    }

    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink) {
        let scale = side == .right ? frame.y2 : nil
        for track in tracks {
            frame.drawLines(&svg, frame.polylines(track, scale: scale), color: ink.color, width: width, dashed: isDashed(ink))
        }
    }

    func clipped(to window: ClosedRange<Double>) -> LineLayer {
        var copy = self
        copy.tracks = tracks.map { $0.clipped(to: window) }
        return copy
    }
}
