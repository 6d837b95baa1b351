/// The JSON document of a saved model, version 1 (documented in README.md).
struct ModelFile: Codable {
    /// The value of `format` in every network file.
    static let formatName = "flashcast-nn"
    /// The version this build writes and reads.
    static let currentVersion = 1

    var format = formatName
    var version = currentVersion
    var precision: String
    var network: LayerRecord
    var inputScaler: ScalerRecord?
    var targetScaler: ScalerRecord?
    var training: TrainingOptions?
    var history: TrainingHistory?
}

/// The two fields read before anything else, to tell wrong files from wrong versions.
struct ModelFileHeader: Decodable {
    var format: String?
    var version: Int?
}

/// One layer: its type, its sizes and its parameters (`weight` input-major, as `Linear` holds it).
struct LayerRecord: Codable, Equatable {
    var type: String
    var inputs: Int?
    var outputs: Int?
    var initialization: WeightInitialization?
    var weight: [Double]?
    var bias: [Double]?
    var probability: Double?
    var layers: [LayerRecord]?
}

/// A scaler's kind and per-column parameters.
struct ScalerRecord: Codable, Equatable {
    var kind: ScalerKind
    var offsets: [Double]
    var scales: [Double]
}
