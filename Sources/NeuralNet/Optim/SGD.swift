/// SGD's settings; every key with its default.
public struct SGDConfig: Codable, Equatable, Sendable {
    /// `lr`: the learning rate.
    public var learningRate = 1e-2
    /// `momentum`: the momentum factor (0 for plain gradient descent).
    public var momentum = 0.0
    /// `dampening`: the dampening of the momentum.
    public var dampening = 0.0
    /// `nesterov`: whether to use Nesterov momentum.
    public var nesterov = false
    /// `weightDecay`: the L2 penalty added to the gradient.
    public var weightDecay = 0.0

    /// The defaults, with any key overridden.
    public init(
        learningRate: Double = 1e-2, momentum: Double = 0, dampening: Double = 0, nesterov: Bool = false,
        weightDecay: Double = 0
    ) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }
}

/// One step of gradient descent with momentum on every parameter of `module`: PyTorch's
/// `torch.optim.SGD` formula (the velocity starts at the first gradient).
public func sgd<T: NNScalar>(_ module: Module<T>, config: SGDConfig, state: inout OptimizerState<T>) {
    let step = SGDStep(
        learningRate: config.learningRate, momentum: config.momentum, dampening: config.dampening,
        nesterov: config.nesterov, weightDecay: config.weightDecay, isFirst: state.step == 0)
    state.step += 1
    var index = 0
    module.forEachParameter { values, gradients in
        state.prepareBuffers(index, count: values.count, second: false)
        T.sgdStep(step, parameters: &values, gradients: gradients, velocity: &state.firstBuffers[index])
        index += 1
    }
}
