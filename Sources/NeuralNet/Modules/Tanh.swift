/// The activation `tanh(x)`, element by element.
public final class Tanh<T: NNScalar>: ActivationLayer<T> {
    /// A Tanh layer.
    public init() { super.init(.tanh) }

    /// `Tanh`.
    public override var description: String { "Tanh" }
}
