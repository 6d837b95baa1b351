/// An axis-aligned rectangle in SVG pixels.
struct Rect: Equatable {
    var x: Double, y: Double, width: Double, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }

    /// Whether horizontal pixel `px` lies within the rectangle (half a pixel of slack for rounding).
    func spans(_ px: Double) -> Bool { px >= x - 0.5 && px <= maxX + 0.5 }

    /// Whether the two rectangles share any area.
    func overlaps(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }
}
