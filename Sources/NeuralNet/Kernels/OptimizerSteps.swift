/// The constants of one Adam step, derived from the configuration and the step number.
public struct AdamStep: Sendable {
    /// The learning rate divided by `1 - beta1^t`.
    public var stepSize: Double
    /// `beta1`, the decay of the first moment.
    public var beta1: Double
    /// `beta2`, the decay of the second moment.
    public var beta2: Double
    /// `sqrt(1 - beta2^t)`.
    public var biasCorrection2Root: Double
    /// Added to the denominator.
    public var epsilon: Double
    /// The L2 penalty added to the gradient.
    public var weightDecay: Double
}

/// The constants of one step of SGD with momentum.
public struct SGDStep: Sendable {
    /// The learning rate.
    public var learningRate: Double
    /// The momentum factor (0 for plain SGD).
    public var momentum: Double
    /// The dampening of the momentum.
    public var dampening: Double
    /// Whether the Nesterov variant is used.
    public var nesterov: Bool
    /// The L2 penalty added to the gradient.
    public var weightDecay: Double
    /// Whether this is the first step (the velocity then starts at the gradient).
    public var isFirst: Bool
}
