/// Notes pinned to points: a dot and its text on a halo, over everything else.
struct NoteLayer: LayerContent {
    var notes: [ChartAnnotation]
    var paint: Paint?

    func validate() throws(ChartError) {
        if let bad = notes.first(where: { !$0.value.isFinite }) { throw ChartError("\(ChartError.layer("note", bad.text)) value must be finite") }
    }

    var placement: Placement { .overlay }

    func yExtent(in window: ClosedRange<Double>?) -> (Double, Double)? {
        notes.filter { window?.contains(Double($0.minute)) ?? true }.map(\.value).finiteExtent
    }

    func draw(_ svg: inout SVGWriter, on frame: ChartFrame, ink: Ink) {
        for note in notes where frame.plot.spans(frame.x(Double(note.minute))) {
            let point = Point(x: frame.x(Double(note.minute)), y: frame.y(note.value))
            frame.drawAnnotation(&svg, at: point, text: note.text, color: ink.color)
        }
    }
}
