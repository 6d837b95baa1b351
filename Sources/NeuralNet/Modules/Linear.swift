/// A fully connected layer: `output = input * weight + bias`.
///
/// `weight` is stored input-major (`inputs x outputs`, the transpose of Torch's layout) so that
/// a batch row meets the weights row by row and the kernel streams contiguous vectors.
public final class Linear<T: NNScalar>: Module<T> {
    /// The number of input features.
    public let inputs: Int
    /// The number of output features.
    public let outputs: Int
    /// The weights, `inputs x outputs`.
    public internal(set) var weight: Matrix<T>
    /// The biases, `1 x outputs`.
    public internal(set) var bias: Matrix<T>
    /// The accumulated gradient of `weight`.
    public internal(set) var gradWeight: Matrix<T>
    /// The accumulated gradient of `bias`.
    public internal(set) var gradBias: Matrix<T>
    /// How `reset` draws the weights.
    public let initialization: WeightInitialization

    /// A layer from `inputs` to `outputs` features, initialised by `initialization` from `seed`.
    public init(
        _ inputs: Int, _ outputs: Int, initialization: WeightInitialization = .he, seed: UInt64 = 1
    ) throws(NeuralNetError) {
        guard inputs > 0, outputs > 0 else {
            throw .invalidArgument("a linear layer needs positive sizes, got \(inputs) -> \(outputs)")
        }
        self.inputs = inputs
        self.outputs = outputs
        self.initialization = initialization
        weight = Matrix(rows: inputs, columns: outputs)
        bias = Matrix(rows: 1, columns: outputs)
        gradWeight = weight
        gradBias = bias
        super.init()
        var generator = Xoshiro256(seed: seed ^ UInt64(inputs &* 1_000_003 &+ outputs))
        reset(generator: &generator)
    }

    /// Draws new weights with `initialization` and sets the biases to zero.
    public override func reset(generator: inout Xoshiro256) {
        let limit = initialization.limit(inputs: inputs, outputs: outputs)
        for i in weight.storage.indices {
            weight.storage[i] = T((2 * generator.nextUnit() - 1) * limit)
        }
        bias.storage = Array(repeating: 0, count: outputs)
    }

    /// `output = input * weight + bias`.
    public override func updateOutput(_ input: Matrix<T>) throws(NeuralNetError) {
        try check(input: input, columns: inputs)
        T.linearForward(input: input, weight: weight, bias: bias, output: &output)
    }

    /// `gradInput = gradOutput * weightᵀ`.
    public override func updateGradInput(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        try check(gradOutput: gradOutput)
        T.linearGradInput(gradOutput: gradOutput, weight: weight, gradInput: &gradInput)
    }

    /// `gradWeight += inputᵀ * gradOutput`, `gradBias += column sums of gradOutput`.
    public override func accGradParameters(_ input: Matrix<T>, _ gradOutput: Matrix<T>) throws(NeuralNetError) {
        try check(gradOutput: gradOutput)
        T.linearAccumulate(input: input, gradOutput: gradOutput, gradWeight: &gradWeight, gradBias: &gradBias)
    }

    /// Zeroes `gradWeight` and `gradBias`.
    public override func zeroGradParameters() {
        gradWeight.zero()
        gradBias.zero()
    }

    /// The weights, then the biases.
    public override func forEachParameter(_ body: (inout [T], inout [T]) -> Void) {
        body(&weight.storage, &gradWeight.storage)
        body(&bias.storage, &gradBias.storage)
    }

    /// `Linear(60 -> 64)`.
    public override var description: String { "Linear(\(inputs) -> \(outputs))" }
}

extension Linear: SavedLayer {
    static var tag: String { "Linear" }

    var record: LayerRecord? {
        LayerRecord(type: Self.tag, inputs: inputs, outputs: outputs, initialization: initialization,
                    weight: weight.storage.map(Double.init), bias: bias.storage.map(Double.init))
    }

    static func layer(from record: LayerRecord, position: String) throws(NeuralNetError) -> Module<T> {
        guard let inputs = record.inputs, let outputs = record.outputs, let weight = record.weight, let bias = record.bias else {
            throw .invalidArgument("\(position): 'Linear' needs 'inputs', 'outputs', 'weight' and 'bias'")
        }
        let layer = try Linear(inputs, outputs, initialization: record.initialization ?? .he)
        guard weight.count == inputs * outputs, bias.count == outputs else {
            throw .invalidArgument(
                "\(position): 'Linear(\(inputs) -> \(outputs))' has \(weight.count) weights and \(bias.count) biases")
        }
        layer.weight.storage = weight.map { T($0) }
        layer.bias.storage = bias.map { T($0) }
        return layer
    }
}

extension Linear: ConstructibleLayer {
    static var constructor: LayerConstructor {
        LayerConstructor(
            "Linear",
            summary: "A fully connected layer; init is 'he' (default, for ReLU) or 'xavier' (for Tanh and Sigmoid), drawn from the layer seeds (nn.seed).",
            arguments: [.init("inputs", .size), .init("outputs", .size), .init("init", .choice(WeightInitialization.allCases.map(\.rawValue)))],
            bytes: { (Double($0[0].integer) + 1) * Double($0[1].integer) * 4 * 8 }  // weights and biases, their gradients, two moments
        ) { (values, seed) throws(NeuralNetError) -> Module<Double> in
            try Linear<Double>(values[0].integer, values[1].integer,
                               initialization: WeightInitialization(rawValue: values[2].name) ?? .he, seed: seed())
        }
    }
}
