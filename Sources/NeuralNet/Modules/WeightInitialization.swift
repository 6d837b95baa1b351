/// How a linear layer draws its first weights: uniformly in `[-limit, limit]`.
///
/// Uniform draws need only `sqrt`, which IEEE 754 rounds exactly, so the same seed gives
/// bit-identical weights on every platform.
public enum WeightInitialization: String, Codable, Sendable, CaseIterable {
    /// He (Kaiming) uniform, for ReLU: `limit = sqrt(6 / inputs)`.
    case he
    /// Xavier (Glorot) uniform, for tanh and sigmoid: `limit = sqrt(6 / (inputs + outputs))`.
    case xavier

    /// The bound of the uniform distribution for a layer of the given size.
    public func limit(inputs: Int, outputs: Int) -> Double {
        switch self {
        case .he: return (6 / Double(inputs)).squareRoot()
        case .xavier: return (6 / Double(inputs + outputs)).squareRoot()
        }
    }
}
