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
        let count = input.count
        output.reshape(rows: input.rows, columns: input.columns)
        guard isDropping else {
            output.copyElements(of: input)
            return
        }
        mask.reshape(rows: input.rows, columns: input.columns)
        mask.write { m in T.dropoutMask(m, count: count, dropProbability: probability, noise: &noise) }
        input.read { x in mask.read { m in output.write { y in T.multiply(x, m, result: y, count: count) } } }
    }

    /// Applies the same mask to the gradient.
    public override func updateGradInput(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        try check(gradOutput: gradOutput)
        let count = gradOutput.count
        gradInput.reshape(rows: gradOutput.rows, columns: gradOutput.columns)
        guard isDropping else {
            gradInput.copyElements(of: gradOutput)
            return
        }
        gradOutput.read { g in mask.read { m in gradInput.write { dx in T.multiply(g, m, result: dx, count: count) } } }
    }

    /// `Dropout(0.2)`.
    public override var description: String { "Dropout(\(probability))" }
}
