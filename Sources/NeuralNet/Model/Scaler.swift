/// How a scaler maps each column.
public enum ScalerKind: String, Codable, Sendable, CaseIterable {
    /// To `[0, 1]` over the fitted minimum and maximum.
    case minMax
    /// To zero mean and unit (population) standard deviation.
    case standard
}

/// A per-column affine scaling, `scaled = (x - offset) / scale`, fitted on data and saved with
/// the model. A constant column gets scale 1.
public struct Scaler<T: NNScalar>: Codable, Equatable, Sendable {
    /// The kind fitted.
    public let kind: ScalerKind
    /// Subtracted from each column.
    public let offsets: [T]
    /// Each column is divided by this after subtracting the offset.
    public let scales: [T]

    /// A scaler with the given parameters; throws when their counts differ or a scale is not positive.
    public init(kind: ScalerKind, offsets: [T], scales: [T]) throws(NeuralNetError) {
        guard offsets.count == scales.count, scales.allSatisfy({ $0 > 0 && $0.isFinite }),
            offsets.allSatisfy(\.isFinite)
        else { throw .invalidArgument("scaler needs as many finite offsets as positive scales") }
        self.kind = kind
        self.offsets = offsets
        self.scales = scales
    }

    /// The scaler of `kind` fitted to the columns of `data`.
    public static func fit(_ kind: ScalerKind, to data: Matrix<T>) throws(NeuralNetError) -> Scaler {
        guard data.rows > 0 else { throw .shape("cannot fit a scaler to no rows") }
        var offsets: [T] = []
        var scales: [T] = []
        for column in 0..<data.columns {
            let values = (0..<data.rows).map { Double(data[$0, column]) }
            guard values.allSatisfy(\.isFinite) else {
                throw .invalidArgument("column \(column + 1) has a value that is not finite")
            }
            let (offset, scale) = kind.parameters(values)
            offsets.append(T(offset))
            scales.append(scale > 0 && T(scale) > 0 ? T(scale) : 1)
        }
        return try Scaler(kind: kind, offsets: offsets, scales: scales)
    }

    /// `data` scaled column by column.
    public func transform(_ data: Matrix<T>) throws(NeuralNetError) -> Matrix<T> {
        try map(data) { ($0 - offsets[$1]) / scales[$1] }
    }

    /// Scaled `data` mapped back to the original units.
    public func inverseTransform(_ data: Matrix<T>) throws(NeuralNetError) -> Matrix<T> {
        try map(data) { $0 * scales[$1] + offsets[$1] }
    }

    private func map(_ data: Matrix<T>, _ body: (T, Int) -> T) throws(NeuralNetError) -> Matrix<T> {
        guard data.columns == offsets.count else {
            throw .shape("scaler expects \(offsets.count) columns, got \(data.columns)")
        }
        var result = data
        for row in 0..<data.rows {
            for column in 0..<data.columns { result[row, column] = body(data[row, column], column) }
        }
        return result
    }
}

extension ScalerKind {
    /// The offset and scale of this kind for `values`.
    func parameters(_ values: [Double]) -> (offset: Double, scale: Double) {
        switch self {
        case .minMax:
            let low = values.min() ?? 0
            return (low, (values.max() ?? 0) - low)
        case .standard:
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            return (mean, variance.squareRoot())
        }
    }
}
