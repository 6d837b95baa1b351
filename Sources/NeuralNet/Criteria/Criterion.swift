/// A loss function between a batch of predictions and targets, as Torch7's criteria:
/// `forward` gives the loss, `backward` its gradient with respect to the predictions.
public final class Criterion<T: NNScalar>: CustomStringConvertible {
    /// The loss computed.
    public let loss: Loss
    /// The gradient from the last `backward`.
    public private(set) var gradInput = Matrix<T>()

    /// A criterion computing `loss`.
    public init(_ loss: Loss = .mse) throws(NeuralNetError) {
        if case .huber(let delta) = loss, !(delta > 0) {
            throw .invalidArgument("huber delta must be positive, got \(delta)")
        }
        self.loss = loss
    }

    /// The mean loss of `input` against `target`.
    public func forward(_ input: Matrix<T>, _ target: Matrix<T>) throws(NeuralNetError) -> T {
        try check(input, target)
        return T.lossValue(loss, input: input, target: target)
    }

    /// The gradient of the loss with respect to `input`.
    public func backward(_ input: Matrix<T>, _ target: Matrix<T>) throws(NeuralNetError) -> Matrix<T> {
        try check(input, target)
        T.lossGradient(loss, input: input, target: target, gradInput: &gradInput)
        return gradInput
    }

    /// `MSECriterion`, `MAECriterion` or `HuberCriterion(1.0)`.
    public var description: String {
        switch loss {
        case .mse: return "MSECriterion"
        case .mae: return "MAECriterion"
        case .huber(let delta): return "HuberCriterion(\(delta))"
        }
    }

    private func check(_ input: Matrix<T>, _ target: Matrix<T>) throws(NeuralNetError) {
        guard input.rows > 0, input.hasShape(target.rows, target.columns) else {
            throw .shape("prediction is \(input.shapeDescription) but target is \(target.shapeDescription)")
        }
    }
}
