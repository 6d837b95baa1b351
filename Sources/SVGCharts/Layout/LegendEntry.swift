/// One legend item: a swatch drawn like the mark it explains, and its label.
struct LegendEntry {
    /// How the swatch is drawn.
    enum Swatch: Equatable {
        case line(dashed: Bool)
        case thickLine
        case area
        case bar
        case span
        case dot
    }

    let label: String
    let color: String
    let swatch: Swatch
    /// An area swatch's fill opacity when its layer sets its own (else the theme's band opacity).
    var opacity: Double? = nil
    /// How many band layers shade an area swatch's band where it shows alone (nested bands' shading
    /// adds up, so the inner band is darker: its swatch is drawn as dark).
    var overlapping = 1
}
