/// Vertical lines at moments (events, "now"), each labelled in the rows above the plot.
struct MarkerLayer: LayerContent {
    var moments: [(minute: Double, label: String)]
    var paint: Paint?
    /// Whether each label is followed by its time (`now 14:30`).
    var stamped: Bool

    func validate() throws(ChartError) {
        if let bad = moments.first(where: { !$0.minute.isFinite }) { throw ChartError("\(ChartError.layer("marker", bad.label)) time must be finite") }
    }

    var placement: Placement { .markers }

    /// The markers inside the chart's span.
    func markers(_ ink: Ink, _ context: MarkerContext) -> [FrameSpec.Marker] {
        let range = context.xRange, spansDays = range.upperBound - range.lowerBound > 1440
        return moments.filter { range.contains($0.minute) }.map { moment in
            let time = context.options.timeText(moment.minute, origin: range.lowerBound, withDate: spansDays)
            let text = stamped ? [moment.label, time].filter { !$0.isEmpty }.joined(separator: " ") : moment.label
            return FrameSpec.Marker(minute: moment.minute, text: text, color: ink.color)
        }
    }
}
