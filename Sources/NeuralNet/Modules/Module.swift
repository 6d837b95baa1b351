/// The contract every layer follows, as in Torch7's `nn.Module`.
///
/// `forward` computes `output` from an input batch; `backward` computes `gradInput`, the gradient
/// of the loss with respect to the input, and adds the parameters' gradients to their
/// accumulators. Layers override `updateOutput`, `updateGradInput` and `accGradParameters`.
open class Module<T: NNScalar>: CustomStringConvertible {
    /// The result of the last `forward`.
    public internal(set) var output = Matrix<T>()
    /// The gradient with respect to the input, from the last `backward`.
    public internal(set) var gradInput = Matrix<T>()
    /// Whether the module is in training mode (dropout active) rather than evaluation mode.
    public internal(set) var isTraining = true
    /// Set while a `Trainer` trains a network holding this module.
    var isFrozenByTraining = false

    /// A module in training mode.
    public init() {}

    /// Computes and returns `output` for `input`.
    public final func forward(_ input: Matrix<T>) throws(NeuralNetError) -> Matrix<T> {
        try updateOutput(input)
        return output
    }

    /// Computes and returns `gradInput`, and accumulates the parameters' gradients.
    public final func backward(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) -> Matrix<T> {
        try updateGradInput(input, gradOutput)
        try accGradParameters(input, gradOutput)
        return gradInput
    }

    /// Sets `output` from `input`.
    open func updateOutput(_ input: Matrix<T>) throws(NeuralNetError) {}

    /// Sets `gradInput` from `input` and the gradient of `output`.
    open func updateGradInput(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {}

    /// Adds the parameters' gradients for this batch to their accumulators.
    open func accGradParameters(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {}

    /// Sets the parameters' gradient accumulators to zero.
    open func zeroGradParameters() {}

    /// Calls `body` with each parameter tensor and its gradient accumulator, in a fixed order.
    open func forEachParameter(_ body: (_ values: inout [T], _ gradients: inout [T]) -> Void) {}

    /// Draws new initial parameters from `generator`.
    open func reset(generator: inout Xoshiro256) {}

    /// Restarts any noise (dropout masks) from `generator`.
    open func reseed(generator: inout Xoshiro256) {}

    /// Switches training mode (dropout active) on or off.
    open func setTraining(_ training: Bool) { isTraining = training }

    /// Whether a `Trainer` is training this module, or one of a container's layers: it must not
    /// change or run until the training returns (a progress callback may try).
    public var isFrozen: Bool { isFrozenByTraining }

    /// Whether `module` is this module or, for a container, one of its layers at any depth.
    func contains(_ module: Module<T>) -> Bool { self === module }

    /// Freezes or thaws the module (a container: and its layers) for the length of a training.
    func setFrozen(_ frozen: Bool) { isFrozenByTraining = frozen }

    /// Switches to training mode.
    public final func training() { setTraining(true) }

    /// Switches to evaluation mode (dropout off).
    public final func evaluate() { setTraining(false) }

    /// The number of trainable scalars.
    public final var parameterCount: Int {
        var count = 0
        forEachParameter { values, _ in count += values.count }
        return count
    }

    /// The layer as Torch prints it, e.g. `Linear(60 -> 64)`.
    open var description: String { "Module" }

    /// Throws unless `input` has `columns` columns and at least one row.
    final func check(input: Matrix<T>, columns: Int) throws(NeuralNetError) {
        guard input.rows > 0 else { throw .shape("input has no rows") }
        guard input.columns == columns else {
            throw .shape("input has \(input.columns) columns, expected \(columns)")
        }
    }

    /// Throws unless `gradOutput` has the shape of `output`.
    final func check(gradOutput: Matrix<T>) throws(NeuralNetError) {
        guard gradOutput.hasShape(output.rows, output.columns) else {
            throw .shape("gradient is \(gradOutput.shapeDescription), expected \(output.shapeDescription)")
        }
    }
}
