/// Weighted least squares of `y` on some fixed columns plus one column that changes from fit to
/// fit: the fixed columns' cross products are summed once, so each fit costs a few passes over
/// the data instead of one per pair of columns.
struct WeightedLeastSquares {
    let fixed: [[Double]]
    let y: [Double]
    let weights: [Double]
    /// `fixed' W fixed`, `fixed' W y` and `y' W y`.
    private let gram: [[Double]], fixedY: [Double], yy: Double

    /// One solution.
    struct Solution {
        /// The coefficients, the fixed columns' first and the extra column's last.
        let coefficients: [Double]
        /// Weighted sum of squared residuals.
        let residualSum: Double
        /// The extra coefficient's entry of `(X'WX)^-1`: times the residual variance, its variance.
        let extraInverse: Double
    }

    init(fixed: [[Double]], y: [Double], weights: [Double]) {
        self.fixed = fixed
        self.y = y
        self.weights = weights
        gram = fixed.map { a in fixed.map { b in Self.dot(a, b, weights) } }
        fixedY = fixed.map { Self.dot($0, y, weights) }
        yy = Self.dot(y, y, weights)
    }

    /// The fit with `extra` as the last column, or nil when the columns are (nearly) dependent.
    func solve(extra: [Double]) -> Solution? {
        let p = fixed.count
        let cross = fixed.map { Self.dot($0, extra, weights) }
        var matrix = gram.indices.map { gram[$0] + [cross[$0]] }
        matrix.append(cross + [Self.dot(extra, extra, weights)])
        let right = fixedY + [Self.dot(extra, y, weights)]
        guard let (coefficients, inverse) = Self.solve(matrix, right) else { return nil }
        let explained = zip(coefficients, right).reduce(0) { $0 + $1.0 * $1.1 }
        return Solution(coefficients: coefficients, residualSum: Swift.max(yy - explained, 0), extraInverse: inverse[p])
    }

    /// Sum of `w * a * b`.
    static func dot(_ a: [Double], _ b: [Double], _ w: [Double]) -> Double {
        var sum = 0.0
        for t in a.indices { sum += w[t] * a[t] * b[t] }
        return sum
    }

    /// Solves `A x = b` by Gauss-Jordan elimination with partial pivoting; also returns the
    /// diagonal of `A^-1`. Nil when `A` is (nearly) singular.
    static func solve(_ a: [[Double]], _ b: [Double]) -> (x: [Double], inverseDiagonal: [Double])? {
        let p = b.count
        var m = (0..<p).map { row in a[row] + (0..<p).map { $0 == row ? 1.0 : 0.0 } + [b[row]] }
        let scale = (0..<p).map { abs(a[$0][$0]) }.max() ?? 0
        guard scale > 0, scale.isFinite else { return nil }
        for column in 0..<p {
            guard let pivot = (column..<p).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }),
                  abs(m[pivot][column]) > scale * 1e-12 else { return nil }
            m.swapAt(column, pivot)
            let divisor = m[column][column]
            m[column] = m[column].map { $0 / divisor }
            for row in 0..<p where row != column {
                let factor = m[row][column]
                if factor != 0 { m[row] = zip(m[row], m[column]).map { $0 - factor * $1 } }
            }
        }
        return ((0..<p).map { m[$0][2 * p] }, (0..<p).map { m[$0][p + $0] })
    }
}
