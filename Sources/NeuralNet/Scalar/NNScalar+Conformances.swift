import Foundation

extension Float: NNScalar {
    /// Sixteen lanes: two AVX2 registers or one AVX-512 register.
    public typealias Vector = SIMD16<Float>
    /// `float32`.
    public static var precisionName: String { "float32" }
    /// The exponential function.
    public static func exponential(_ x: Float) -> Float { Foundation.exp(x) }
    /// The hyperbolic tangent.
    public static func hyperbolicTangent(_ x: Float) -> Float { Foundation.tanh(x) }
}

extension Double: NNScalar {
    /// Eight lanes: two AVX2 registers or one AVX-512 register.
    public typealias Vector = SIMD8<Double>
    /// `float64`.
    public static var precisionName: String { "float64" }
    /// The exponential function.
    public static func exponential(_ x: Double) -> Double { Foundation.exp(x) }
    /// The hyperbolic tangent.
    public static func hyperbolicTangent(_ x: Double) -> Double { Foundation.tanh(x) }
}
