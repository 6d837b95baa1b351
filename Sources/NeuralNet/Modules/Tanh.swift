/// `tanh(x)`, element by element.
public enum TanhFunction: ActivationFunction {
    /// `Tanh`.
    public static let name = "Tanh"
    /// For help texts.
    public static let summary = "tanh(x), element by element."

    /// `tanh(x)`.
    @inline(__always) public static func value<T: NNScalar>(_ x: T) -> T { T.hyperbolicTangent(x) }

    /// `gradOutput * (1 - tanh(x)^2)`.
    @inline(__always) public static func gradient<T: NNScalar>(input: T, output: T, gradOutput: T) -> T {
        gradOutput * (1 - output * output)
    }
}

/// The layer `tanh(x)`, element by element.
public typealias Tanh<T: NNScalar> = ActivationLayer<T, TanhFunction>
