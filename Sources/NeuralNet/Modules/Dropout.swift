/// Inverted dropout: in training mode each element is zeroed with probability `p` and the rest
/// are scaled by `1 / (1 - p)`, so evaluation mode is the identity. Predicting in training mode
/// samples the network (Monte-Carlo dropout, `Model.sampleWithDropout`).
public final class Dropout<T: NNScalar>: Module<T> {
    /// The probability of dropping an element.
    public let probability: Double
    private var mask = Matrix<T>()
    private var noise: DropoutNoise

    /// A dropout layer with drop probability `p` in `[0, 1)`, its noise seeded by `seed`.
    public init(_ p: Double = 0.5, seed: UInt64 = 1) throws(NeuralNetError) {
        guard p >= 0, p < 1 else {
            throw .invalidArgument("dropout probability must be in [0, 1), got \(p)")
        }
        probability = p
        noise = DropoutNoise(seed: seed)
    }

    /// Whether elements are being dropped now.
    public var isDropping: Bool { probability > 0 && isTraining }

    /// Restarts the noise from `seed`.
    public func reseed(_ seed: UInt64) { noise = DropoutNoise(seed: seed) }

    /// Restarts the noise from the next number of `generator`.
    public override func reseed(generator: inout Xoshiro256) { reseed(generator.next()) }

    /// Draws a new mask and applies it, or copies the input when not dropping.
    public override func updateOutput(_ input: Matrix<T>) throws(NeuralNetError) {
        guard input.rows > 0 else { throw .shape("input has no rows") }
        guard isDropping else {
            output.reshape(rows: input.rows, columns: input.columns)
            output.copyElements(of: input)
            return
        }
        T.dropoutForward(input: input, dropProbability: probability, noise: &noise, mask: &mask, output: &output)
    }

    /// Applies the same mask to the gradient.
    public override func updateGradInput(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        try check(gradOutput: gradOutput)
        guard isDropping else {
            gradInput.reshape(rows: gradOutput.rows, columns: gradOutput.columns)
            gradInput.copyElements(of: gradOutput)
            return
        }
        T.multiply(gradOutput, mask, result: &gradInput)
    }

    /// `Dropout(0.2)`.
    public override var description: String { "Dropout(\(probability))" }
}

extension Dropout: SavedLayer {
    static var tag: String { "Dropout" }

    var record: LayerRecord? { LayerRecord(type: Self.tag, probability: probability) }

    static func layer(from record: LayerRecord, position: String) throws(NeuralNetError) -> Module<T> {
        guard let probability = record.probability else { throw .invalidArgument("\(position): missing 'probability'") }
        return try Dropout(probability)
    }
}

extension Dropout: ConstructibleLayer {
    static var constructor: LayerConstructor {
        LayerConstructor(
            "Dropout",
            summary: "Zeroes each value with probability p (default 0.5) in training mode and scales the rest by 1 / (1 - p); the identity in evaluation mode.",
            arguments: [.init("p", .probability(default: 0.5))]
        ) { (values, seed) throws(NeuralNetError) -> Module<Double> in
            try Dropout<Double>(values[0].number, seed: seed())
        }
    }
}
