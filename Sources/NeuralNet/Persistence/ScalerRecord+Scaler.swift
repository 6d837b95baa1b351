extension ScalerRecord {
    /// The record of `scaler`.
    init<T: NNScalar>(_ scaler: Scaler<T>) {
        kind = scaler.kind
        offsets = scaler.offsets.map(Double.init)
        scales = scaler.scales.map(Double.init)
    }

    /// The scaler this record describes.
    func scaler<T: NNScalar>(_: T.Type) throws(NeuralNetError) -> Scaler<T> {
        try Scaler(kind: kind, offsets: offsets.map { T($0) }, scales: scales.map { T($0) })
    }
}
