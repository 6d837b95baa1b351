extension Reduction {
    /// `points` (sorted by x, in pixels) thinned for a plot `columns` pixels wide.
    func reduce(_ points: [Point], columns: Int) -> [Point] {
        switch self {
        case .minMax: Self.minMax(points)
        case .lttb: Self.lttb(points, threshold: max(3, 2 * columns))
        }
    }

    /// Keeps the first, lowest, highest and last point of every whole-pixel column, in order,
    /// so the polyline covers exactly the pixels the full series would.
    public static func minMax(_ points: [Point]) -> [Point] {
        var reduced: [Point] = []
        var first = 0
        while first < points.count {
            let column = points[first].x.rounded(.down)
            var lowest = first, highest = first, next = first
            while next < points.count && points[next].x.rounded(.down) == column {
                if points[next].y < points[lowest].y { lowest = next }
                if points[next].y > points[highest].y { highest = next }
                next += 1
            }
            var previous = -1
            for index in [first, min(lowest, highest), max(lowest, highest), next - 1] where index != previous {
                reduced.append(points[index])
                previous = index
            }
            first = next
        }
        return reduced
    }

    /// Largest-Triangle-Three-Buckets (Steinarsson 2013): `threshold` points that keep the shape,
    /// always including the first and last.
    public static func lttb(_ points: [Point], threshold: Int) -> [Point] {
        guard threshold >= 3, points.count > threshold else { return points }
        let bucket = Double(points.count - 2) / Double(threshold - 2)
        var reduced = [points[0]]
        var anchor = 0
        for b in 0..<(threshold - 2) {
            let lo = Int(Double(b) * bucket) + 1
            let hi = min(Int(Double(b + 1) * bucket) + 1, points.count - 1)
            let nextHi = min(Int(Double(b + 2) * bucket) + 1, points.count)
            let next = points[hi..<max(nextHi, hi + 1)]
            let avgX = next.reduce(0) { $0 + $1.x } / Double(next.count)
            let avgY = next.reduce(0) { $0 + $1.y } / Double(next.count)
            let a = points[anchor]
            var best = lo, bestArea = -1.0
            for i in lo..<max(hi, lo + 1) {
                let p = points[i]
                let area = abs((a.x - avgX) * (p.y - a.y) - (a.x - p.x) * (avgY - a.y))
                if area > bestArea {
                    bestArea = area
                    best = i
                }
            }
            reduced.append(points[best])
            anchor = best
        }
        reduced.append(points[points.count - 1])
        return reduced
    }
}
