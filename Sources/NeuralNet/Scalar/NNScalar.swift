/// A floating-point type the network computes in: `Float` or `Double`.
///
/// The per-element work of every layer, criterion and optimizer lives in the kernels declared
/// here. Their default implementations are generic, and the compiler specialises them for each
/// conformance, so generic modules call straight into code written for `Float` or `Double`.
public protocol NNScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable, LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
    /// The SIMD vector the kernels work on (64 bytes).
    associatedtype Vector: SIMD where Vector.Scalar == Self

    /// The name of the type in saved files and descriptions: `float32` or `float64`.
    static var precisionName: String { get }
    /// The exponential function.
    static func exponential(_ x: Self) -> Self
    /// The hyperbolic tangent.
    static func hyperbolicTangent(_ x: Self) -> Self

    // MARK: Linear layer
    /// `output[rows x outputs] = input[rows x inputs] * weight[inputs x outputs] + bias`.
    static func linearForward(
        input: UnsafePointer<Self>, weight: UnsafePointer<Self>, bias: UnsafePointer<Self>,
        output: UnsafeMutablePointer<Self>, rows: Int, inputs: Int, outputs: Int)
    /// `gradInput[rows x inputs] = gradOutput[rows x outputs] * weightᵀ`.
    static func linearGradInput(
        gradOutput: UnsafePointer<Self>, weight: UnsafePointer<Self>,
        gradInput: UnsafeMutablePointer<Self>, rows: Int, inputs: Int, outputs: Int)
    /// `gradWeight += inputᵀ * gradOutput`, `gradBias += column sums of gradOutput`.
    static func linearAccumulate(
        input: UnsafePointer<Self>, gradOutput: UnsafePointer<Self>,
        gradWeight: UnsafeMutablePointer<Self>, gradBias: UnsafeMutablePointer<Self>,
        rows: Int, inputs: Int, outputs: Int)

    // MARK: Element-wise layers
    /// Applies `activation` to `count` elements.
    static func activationForward(
        _ activation: Activation, input: UnsafePointer<Self>, output: UnsafeMutablePointer<Self>,
        count: Int)
    /// The gradient through `activation`, from its input, its output and the output's gradient.
    static func activationBackward(
        _ activation: Activation, input: UnsafePointer<Self>, output: UnsafePointer<Self>,
        gradOutput: UnsafePointer<Self>, gradInput: UnsafeMutablePointer<Self>, count: Int)
    /// Fills `mask` with `1 / (1 - p)` where a unit is kept and 0 where it is dropped.
    static func dropoutMask(
        _ mask: UnsafeMutablePointer<Self>, count: Int, dropProbability: Double,
        noise: inout DropoutNoise)
    /// `result = a * b`, element by element.
    static func multiply(
        _ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, result: UnsafeMutablePointer<Self>,
        count: Int)

    // MARK: Criteria
    /// The mean of `loss` over `count` elements of `input - target`.
    static func lossValue(
        _ loss: Loss, input: UnsafePointer<Self>, target: UnsafePointer<Self>,
        count: Int) -> Self
    /// The gradient of `lossValue` with respect to `input`.
    static func lossGradient(
        _ loss: Loss, input: UnsafePointer<Self>, target: UnsafePointer<Self>,
        gradInput: UnsafeMutablePointer<Self>, count: Int)

    // MARK: Optimizers
    /// One Adam step on `count` parameters (PyTorch's formula, L2 weight decay in the gradient).
    static func adamStep(
        _ step: AdamStep, parameters: UnsafeMutablePointer<Self>, gradients: UnsafePointer<Self>,
        firstMoments: UnsafeMutablePointer<Self>, secondMoments: UnsafeMutablePointer<Self>,
        count: Int)
    /// One step of SGD with momentum on `count` parameters (PyTorch's formula).
    static func sgdStep(
        _ step: SGDStep, parameters: UnsafeMutablePointer<Self>, gradients: UnsafePointer<Self>,
        velocity: UnsafeMutablePointer<Self>, count: Int)
}
