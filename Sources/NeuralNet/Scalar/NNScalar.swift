/// A floating-point type the network computes in: `Float` or `Double`.
///
/// The per-element work of every layer, criterion and optimizer lives in the kernels declared
/// here, one call per batch or tensor. Their default implementations are generic, and the compiler
/// specialises them for each conformance, so the generic layers make a few calls per batch into
/// code compiled for `Float` or `Double`, and all pointer work stays in that code.
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
    static func linearForward(input: Matrix<Self>, weight: Matrix<Self>, bias: Matrix<Self>, output: inout Matrix<Self>)
    /// `gradInput[rows x inputs] = gradOutput[rows x outputs] * weightᵀ`.
    static func linearGradInput(gradOutput: Matrix<Self>, weight: Matrix<Self>, gradInput: inout Matrix<Self>)
    /// `gradWeight += inputᵀ * gradOutput`, `gradBias += column sums of gradOutput`.
    static func linearAccumulate(
        input: Matrix<Self>, gradOutput: Matrix<Self>, gradWeight: inout Matrix<Self>, gradBias: inout Matrix<Self>)

    // MARK: Element-wise layers
    /// `output = f(input)`, element by element: `function`'s own kernel, compiled for this type.
    static func activationForward<F: ActivationFunction>(_ function: F.Type, input: Matrix<Self>, output: inout Matrix<Self>)
    /// The gradient through `function`, from its input, its output and the output's gradient.
    static func activationBackward<F: ActivationFunction>(
        _ function: F.Type, input: Matrix<Self>, output: Matrix<Self>, gradOutput: Matrix<Self>,
        gradInput: inout Matrix<Self>)
    /// Draws `mask` (shaped like `input`: `1 / (1 - p)` where a unit is kept, 0 where it is
    /// dropped) and sets `output = input * mask`.
    static func dropoutForward(
        input: Matrix<Self>, dropProbability: Double, noise: inout DropoutNoise, mask: inout Matrix<Self>,
        output: inout Matrix<Self>)
    /// `result = a * b`, element by element (`a` and `b` of the same shape).
    static func multiply(_ a: Matrix<Self>, _ b: Matrix<Self>, result: inout Matrix<Self>)

    // MARK: Criteria
    /// The mean of `loss` over the elements of `input - target` (same shapes).
    static func lossValue(_ loss: Loss, input: Matrix<Self>, target: Matrix<Self>) -> Self
    /// The gradient of `lossValue` with respect to `input`.
    static func lossGradient(_ loss: Loss, input: Matrix<Self>, target: Matrix<Self>, gradInput: inout Matrix<Self>)

    // MARK: Optimizers
    /// One Adam step (PyTorch's formula, L2 weight decay in the gradient) on one parameter tensor.
    static func adamStep(
        _ step: AdamStep, parameters: inout [Self], gradients: [Self], firstMoments: inout [Self],
        secondMoments: inout [Self])
    /// One step of SGD with momentum (PyTorch's formula) on one parameter tensor.
    static func sgdStep(_ step: SGDStep, parameters: inout [Self], gradients: [Self], velocity: inout [Self])
}
