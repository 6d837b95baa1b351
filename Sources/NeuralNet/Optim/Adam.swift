/// Adam's settings; every key with its default (PyTorch's defaults).
public struct AdamConfig: Codable, Equatable, Sendable {
    /// `lr`: the learning rate.
    public var learningRate = 1e-3
    /// `beta1`: the decay of the first moment.
    public var beta1 = 0.9
    /// `beta2`: the decay of the second moment.
    public var beta2 = 0.999
    /// `epsilon`: added to the denominator.
    public var epsilon = 1e-8
    /// `weightDecay`: the L2 penalty added to the gradient.
    public var weightDecay = 0.0

    /// The defaults, with any key overridden.
    public init(
        learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
        epsilon: Double = 1e-8, weightDecay: Double = 0
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }
}

/// One Adam step (Kingma and Ba) on every parameter of `module`, from its accumulated gradients:
/// PyTorch's `torch.optim.Adam` formula, weight decay added to the gradient.
public func adam<T: NNScalar>(_ module: Module<T>, config: AdamConfig, state: inout OptimizerState<T>) {
    state.step += 1
    state.powers.beta1 *= config.beta1
    state.powers.beta2 *= config.beta2
    let step = AdamStep(
        stepSize: config.learningRate / (1 - state.powers.beta1), beta1: config.beta1, beta2: config.beta2,
        biasCorrection2Root: (1 - state.powers.beta2).squareRoot(), epsilon: config.epsilon,
        weightDecay: config.weightDecay)
    var index = 0
    module.forEachParameter { values, gradients in
        state.prepareBuffers(index, count: values.count, second: true)
        T.adamStep(
            step, parameters: &values, gradients: gradients, firstMoments: &state.firstBuffers[index],
            secondMoments: &state.secondBuffers[index])
        index += 1
    }
}
