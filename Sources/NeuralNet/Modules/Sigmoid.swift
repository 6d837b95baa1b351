/// `1 / (1 + exp(-x))`, element by element.
public enum SigmoidFunction: ActivationFunction {
    /// `Sigmoid`.
    public static let name = "Sigmoid"
    /// For help texts.
    public static let summary = "1 / (1 + exp(-x)), element by element."

    /// `1 / (1 + exp(-x))`.
    @inline(__always) public static func value<T: NNScalar>(_ x: T) -> T { 1 / (1 + T.exponential(-x)) }

    /// `gradOutput * s * (1 - s)` with `s` the output.
    @inline(__always) public static func gradient<T: NNScalar>(input: T, output: T, gradOutput: T) -> T {
        gradOutput * output * (1 - output)
    }
}

/// The layer `1 / (1 + exp(-x))`, element by element.
public typealias Sigmoid<T: NNScalar> = ActivationLayer<T, SigmoidFunction>
