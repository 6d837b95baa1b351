/// An element-wise activation function.
public enum Activation: String, Codable, Sendable, CaseIterable {
    /// `max(x, 0)`.
    case relu
    /// `tanh(x)`.
    case tanh
    /// `1 / (1 + exp(-x))`.
    case sigmoid
}
