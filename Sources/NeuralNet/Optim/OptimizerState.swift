/// What an optimizer remembers between steps: the step count and per-tensor buffers, in the
/// order of `Module.forEachParameter`.
public struct OptimizerState<T: NNScalar>: Sendable {
    /// The number of steps taken.
    public internal(set) var step = 0
    /// Adam's first moments, or SGD's velocity.
    var firstBuffers: [[T]] = []
    /// Adam's second moments.
    var secondBuffers: [[T]] = []
    /// `beta1^step` and `beta2^step`, by repeated multiplication so every platform agrees.
    var powers = (beta1: 1.0, beta2: 1.0)

    /// A state before the first step.
    public init() {}

    /// Makes sure tensor `index` has zeroed buffers of `count` elements.
    mutating func prepareBuffers(_ index: Int, count: Int, second: Bool) {
        if firstBuffers.count == index { firstBuffers.append(Array(repeating: 0, count: count)) }
        if second, secondBuffers.count == index { secondBuffers.append(Array(repeating: 0, count: count)) }
    }
}
