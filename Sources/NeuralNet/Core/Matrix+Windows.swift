extension Matrix {
    /// The sliding windows of a series for one-step or direct multi-step forecasting: row `i` of
    /// `inputs` holds `values[i ..< i + width]`, row `i` of `targets` the `horizon` values after it.
    /// Throws unless the series is longer than `width + horizon - 1`.
    public static func windows(
        of values: [T], width: Int, horizon: Int = 1
    ) throws(NeuralNetError) -> (inputs: Matrix, targets: Matrix) {
        guard width > 0, horizon > 0 else {
            throw .invalidArgument("window width and horizon must be positive, got \(width) and \(horizon)")
        }
        guard width < values.count, horizon <= values.count - width else {  // no overflow for huge sizes
            throw .shape("a series of \(values.count) values has no window of \(width) followed by \(horizon)")
        }
        let rows = values.count - width - horizon + 1
        var inputs: [T] = [], targets: [T] = []
        inputs.reserveCapacity(rows * width)
        targets.reserveCapacity(rows * horizon)
        for start in 0..<rows {
            inputs.append(contentsOf: values[start..<start + width])
            targets.append(contentsOf: values[start + width..<start + width + horizon])
        }
        return (try Matrix(rows: rows, columns: width, scalars: inputs), try Matrix(rows: rows, columns: horizon, scalars: targets))
    }
}
