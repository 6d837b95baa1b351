/// An element-wise function an `ActivationLayer` applies: its value and its gradient, one element
/// at a time.
///
/// A new activation is one caseless enum conforming to this, a `typealias` naming its layer, and its
/// line in `Activations.registered`: the model file saves and loads it under its `name`, and the `nn`
/// library gets a constructor `nn.<name>()` documented by its `summary`. The kernels (below) are
/// made from `value` and `gradient` and compiled for each function and precision, so a batch makes
/// one call and no element pays for a dynamic dispatch.
public protocol ActivationFunction: SendableMetatype {
    /// The layer's name, in descriptions (`ReLU`), saved files (`"type": "ReLU"`) and Lua (`nn.ReLU()`).
    static var name: String { get }
    /// What the layer computes, for help texts.
    static var summary: String { get }
    /// `f(x)`.
    static func value<T: NNScalar>(_ x: T) -> T
    /// The gradient with respect to `x`, from `x`, `f(x)` and the gradient with respect to `f(x)`.
    static func gradient<T: NNScalar>(input: T, output: T, gradOutput: T) -> T

    /// The forward kernel in `Float` (default: `value` of every element).
    static func forward(_ input: Matrix<Float>, output: inout Matrix<Float>)
    /// The forward kernel in `Double` (default: `value` of every element).
    static func forward(_ input: Matrix<Double>, output: inout Matrix<Double>)
    /// The backward kernel in `Float` (default: `gradient` of every element).
    static func backward(_ input: Matrix<Float>, output: Matrix<Float>, gradOutput: Matrix<Float>, gradInput: inout Matrix<Float>)
    /// The backward kernel in `Double` (default: `gradient` of every element).
    static func backward(_ input: Matrix<Double>, output: Matrix<Double>, gradOutput: Matrix<Double>, gradInput: inout Matrix<Double>)
}

extension ActivationFunction {
    /// Default: `value` of every element.
    public static func forward(_ input: Matrix<Float>, output: inout Matrix<Float>) { map(input, &output) }

    /// Default: `value` of every element.
    public static func forward(_ input: Matrix<Double>, output: inout Matrix<Double>) { map(input, &output) }

    /// Default: `gradient` of every element.
    public static func backward(
        _ input: Matrix<Float>, output: Matrix<Float>, gradOutput: Matrix<Float>, gradInput: inout Matrix<Float>
    ) {
        mapGradient(input, output, gradOutput, &gradInput)
    }

    /// Default: `gradient` of every element.
    public static func backward(
        _ input: Matrix<Double>, output: Matrix<Double>, gradOutput: Matrix<Double>, gradInput: inout Matrix<Double>
    ) {
        mapGradient(input, output, gradOutput, &gradInput)
    }

    @inline(__always)
    private static func map<T: NNScalar>(_ input: Matrix<T>, _ output: inout Matrix<T>) {
        output.reshape(rows: input.rows, columns: input.columns)
        let count = input.count
        input.read { x in output.write { y in
            for i in 0..<count { y[i] = value(x[i]) }
        } }
    }

    @inline(__always)
    private static func mapGradient<T: NNScalar>(
        _ input: Matrix<T>, _ output: Matrix<T>, _ gradOutput: Matrix<T>, _ gradInput: inout Matrix<T>
    ) {
        gradInput.reshape(rows: input.rows, columns: input.columns)
        let count = input.count
        input.read { x in output.read { y in gradOutput.read { g in gradInput.write { dx in
            for i in 0..<count { dx[i] = gradient(input: x[i], output: y[i], gradOutput: g[i]) }
        } } } }
    }
}
