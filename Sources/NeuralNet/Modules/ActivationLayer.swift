/// A layer applying the element-wise function `F`; `ReLU`, `Tanh` and `Sigmoid` name its kinds.
public final class ActivationLayer<T: NNScalar, F: ActivationFunction>: Module<T> {
    /// A layer applying `F`.
    public override init() {}

    /// `output = f(input)`.
    public override func updateOutput(_ input: Matrix<T>) throws(NeuralNetError) {
        guard input.rows > 0 else { throw .shape("input has no rows") }
        T.activationForward(F.self, input: input, output: &output)
    }

    /// `gradInput = f'(input) * gradOutput`.
    public override func updateGradInput(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        try check(gradOutput: gradOutput)
        T.activationBackward(F.self, input: input, output: output, gradOutput: gradOutput, gradInput: &gradInput)
    }

    /// The function's name: `ReLU`.
    public override var description: String { F.name }
}

extension ActivationLayer: SavedLayer {
    static var tag: String { F.name }

    var record: LayerRecord? { LayerRecord(type: Self.tag) }

    static func layer(from record: LayerRecord, position: String) throws(NeuralNetError) -> Module<T> { ActivationLayer() }
}

extension ActivationLayer: ConstructibleLayer {
    static var constructor: LayerConstructor {
        LayerConstructor(F.name, summary: F.summary) { (_, _) throws(NeuralNetError) -> Module<Double> in ActivationLayer<Double, F>() }
    }
}
