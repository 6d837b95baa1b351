/// The optimizer a trainer uses, with its settings.
public enum Optimizer: Codable, Equatable, Sendable {
    /// Adam with the given settings.
    case adam(config: AdamConfig)
    /// SGD with momentum with the given settings.
    case sgd(config: SGDConfig)

    /// Takes one step on `module`'s parameters.
    public func step<T: NNScalar>(_ module: Module<T>, state: inout OptimizerState<T>) {
        switch self {
        case .adam(let config): NeuralNet.adam(module, config: config, state: &state)
        case .sgd(let config): NeuralNet.sgd(module, config: config, state: &state)
        }
    }

    /// The learning rate.
    public var learningRate: Double {
        switch self {
        case .adam(let config): return config.learningRate
        case .sgd(let config): return config.learningRate
        }
    }
}
