#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Float: NNScalar {
    /// Sixteen lanes: two AVX2 registers or one AVX-512 register.
    public typealias Vector = SIMD16<Float>
    /// `float32`.
    public static var precisionName: String { "float32" }
    /// The exponential function.
    public static func exponential(_ x: Float) -> Float { exp(x) }
    /// The hyperbolic tangent.
    public static func hyperbolicTangent(_ x: Float) -> Float { tanh(x) }

    /// `function`'s forward kernel in `Float`.
    public static func activationForward<F: ActivationFunction>(_ function: F.Type, input: Matrix<Float>, output: inout Matrix<Float>) {
        F.forward(input, output: &output)
    }

    /// `function`'s backward kernel in `Float`.
    public static func activationBackward<F: ActivationFunction>(
        _ function: F.Type, input: Matrix<Float>, output: Matrix<Float>, gradOutput: Matrix<Float>, gradInput: inout Matrix<Float>
    ) {
        F.backward(input, output: output, gradOutput: gradOutput, gradInput: &gradInput)
    }
}

extension Double: NNScalar {
    /// Eight lanes: two AVX2 registers or one AVX-512 register.
    public typealias Vector = SIMD8<Double>
    /// `float64`.
    public static var precisionName: String { "float64" }
    /// The exponential function.
    public static func exponential(_ x: Double) -> Double { exp(x) }
    /// The hyperbolic tangent.
    public static func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }

    /// `function`'s forward kernel in `Double`.
    public static func activationForward<F: ActivationFunction>(_ function: F.Type, input: Matrix<Double>, output: inout Matrix<Double>) {
        F.forward(input, output: &output)
    }

    /// `function`'s backward kernel in `Double`.
    public static func activationBackward<F: ActivationFunction>(
        _ function: F.Type, input: Matrix<Double>, output: Matrix<Double>, gradOutput: Matrix<Double>, gradInput: inout Matrix<Double>
    ) {
        F.backward(input, output: output, gradOutput: gradOutput, gradInput: &gradInput)
    }
}
