/// The activation `1 / (1 + exp(-x))`, element by element.
public final class Sigmoid<T: NNScalar>: ActivationLayer<T> {
    /// A Sigmoid layer.
    public init() { super.init(.sigmoid) }

    /// `Sigmoid`.
    public override var description: String { "Sigmoid" }
}
