/// A network with the scalers of its inputs and targets and the settings it was trained with:
/// what is saved to and loaded from a model file.
public final class Model<T: NNScalar>: CustomStringConvertible {
    /// The layers.
    public let network: Sequential<T>
    /// Applied to inputs before the network (fitted by `fit` when the options ask).
    public internal(set) var inputScaler: Scaler<T>?
    /// Maps the network's outputs back to target units (fitted by `fit` when the options ask).
    public internal(set) var targetScaler: Scaler<T>?
    /// The options of the last `fit`.
    public internal(set) var trainingOptions: TrainingOptions?
    /// The losses of the last `fit`.
    public internal(set) var history: TrainingHistory?

    /// A model around `network`, with optional scalers.
    public init(_ network: Sequential<T>, inputScaler: Scaler<T>? = nil, targetScaler: Scaler<T>? = nil) {
        self.network = network
        self.inputScaler = inputScaler
        self.targetScaler = targetScaler
    }

    /// Fits the scalers the options ask for to all of `inputs` and `targets`, then trains.
    public func fit(
        inputs: Matrix<T>, targets: Matrix<T>, options: TrainingOptions = TrainingOptions(),
        progress: (EpochReport) -> TrainingControl = { _ in .proceed }
    ) throws(NeuralNetError) -> TrainingHistory {
        try options.validate()
        try inputs.checkFinite("inputs")
        try targets.checkFinite("targets")
        let inputScaler = try options.inputScaling.map { kind throws(NeuralNetError) in try Scaler.fit(kind, to: inputs) }
        let targetScaler = try options.targetScaling.map { kind throws(NeuralNetError) in try Scaler.fit(kind, to: targets) }
        let scaledInputs = try inputScaler?.transform(inputs) ?? inputs
        let scaledTargets = try targetScaler?.transform(targets) ?? targets
        let history = try Trainer(options).fit(network, inputs: scaledInputs, targets: scaledTargets, progress: progress)
        self.inputScaler = inputScaler
        self.targetScaler = targetScaler
        trainingOptions = options
        self.history = history
        return history
    }

    /// The network's outputs for `inputs`, in target units, in the network's current mode
    /// (call `network.evaluate()` first unless sampling dropout on purpose).
    public func predict(_ inputs: Matrix<T>) throws(NeuralNetError) -> Matrix<T> {
        let scaled = try inputScaler?.transform(inputs) ?? inputs
        let output = try network.forward(scaled)
        return try targetScaler?.inverseTransform(output) ?? output
    }

    /// `samples` predictions for `inputs` with dropout active (Monte-Carlo dropout), the noise
    /// seeded by `seed`; the network's mode is left as it was.
    public func sampleWithDropout(_ inputs: Matrix<T>, samples: Int, seed: UInt64) throws(NeuralNetError) -> [Matrix<T>] {
        guard samples > 0 else { throw .invalidArgument("'samples' must be positive, got \(samples)") }
        let wasTraining = network.isTraining
        var generator = Xoshiro256(seed: seed)
        network.reseed(generator: &generator)
        network.training()
        defer { network.setTraining(wasTraining) }
        var result: [Matrix<T>] = []
        for _ in 0..<samples { result.append(try predict(inputs)) }
        return result
    }

    /// `Sequential(Linear(60 -> 64), ReLU, Dropout(0.2), Linear(64 -> 1))`.
    public var description: String { network.description }
}
