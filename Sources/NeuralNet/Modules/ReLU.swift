/// `max(x, 0)`, element by element.
public enum ReLUFunction: ActivationFunction {
    /// `ReLU`.
    public static let name = "ReLU"
    /// For help texts.
    public static let summary = "max(x, 0), element by element."

    /// `max(x, 0)`.
    @inline(__always) public static func value<T: NNScalar>(_ x: T) -> T { x > 0 ? x : 0 }

    /// The output's gradient where `x > 0`, else 0.
    @inline(__always) public static func gradient<T: NNScalar>(input: T, output: T, gradOutput: T) -> T {
        input > 0 ? gradOutput : 0
    }
}

/// The layer `max(x, 0)`, element by element.
public typealias ReLU<T: NNScalar> = ActivationLayer<T, ReLUFunction>
