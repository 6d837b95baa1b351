/// The activation `max(x, 0)`, element by element.
public final class ReLU<T: NNScalar>: ActivationLayer<T> {
    /// A ReLU layer.
    public init() { super.init(.relu) }

    /// `ReLU`.
    public override var description: String { "ReLU" }
}
