@testable import NeuralNet

/// Deterministic test data and comparisons shared by the test suites.
enum TestData {
    /// A `rows x columns` matrix of uniform values in `range`, the same for the same `seed`.
    static func matrix<T: NNScalar>(
        _ rows: Int, _ columns: Int, seed: UInt64, in range: ClosedRange<Double> = -1...1, as _: T.Type = Double.self
    ) -> Matrix<T> {
        var generator = Xoshiro256(seed: seed)
        var result = Matrix<T>(rows: rows, columns: columns)
        for row in 0..<rows {
            for column in 0..<columns {
                result[row, column] = T(range.lowerBound + generator.nextUnit() * (range.upperBound - range.lowerBound))
            }
        }
        return result
    }

    /// `||a - b|| / (||a|| + ||b||)`, or 0 when both are zero: the gradient checks' measure.
    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "compared arrays differ in length")
        let difference = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        let norms = a.reduce(0) { $0 + $1 * $1 }.squareRoot() + b.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norms == 0 ? 0 : difference / norms
    }

    /// The largest `|a - b| / max(1, |b|)` over the elements.
    static func maxError(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "compared arrays differ in length")
        return zip(a, b).map { abs($0 - $1) / max(1, abs($1)) }.max() ?? 0
    }

    /// Every parameter tensor of `module`, copied, in `forEachParameter` order.
    static func parameters<T: NNScalar>(of module: Module<T>) -> [[T]] {
        var result: [[T]] = []
        module.forEachParameter { values, _ in result.append(values) }
        return result
    }

    /// Every gradient accumulator of `module`, copied, in `forEachParameter` order.
    static func gradients<T: NNScalar>(of module: Module<T>) -> [[T]] {
        var result: [[T]] = []
        module.forEachParameter { _, gradients in result.append(gradients) }
        return result
    }

    /// Whether two arrays hold the same bit patterns.
    static func bitIdentical<T: NNScalar>(_ a: [[T]], _ b: [[T]]) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.count == y.count else { return false }
            let same = x.withUnsafeBytes { p in y.withUnsafeBytes { q in p.elementsEqual(q) } }
            guard same else { return false }
        }
        return true
    }
}
