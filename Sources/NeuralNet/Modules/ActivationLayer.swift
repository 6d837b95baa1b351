/// A layer applying an element-wise activation; `ReLU`, `Tanh` and `Sigmoid` are its kinds.
public class ActivationLayer<T: NNScalar>: Module<T> {
    /// The function applied to each element.
    public let activation: Activation

    /// A layer applying `activation`.
    init(_ activation: Activation) {
        self.activation = activation
    }

    /// `output = f(input)`.
    public override func updateOutput(_ input: Matrix<T>) throws(NeuralNetError) {
        guard input.rows > 0 else { throw .shape("input has no rows") }
        T.activationForward(activation, input: input, output: &output)
    }

    /// `gradInput = f'(input) * gradOutput`.
    public override func updateGradInput(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        try check(gradOutput: gradOutput)
        T.activationBackward(activation, input: input, output: output, gradOutput: gradOutput, gradInput: &gradInput)
    }
}
