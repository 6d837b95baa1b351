/// A regression loss: the mean over all elements of an error of `d = input - target`.
public enum Loss: Equatable, Codable, Sendable, CustomStringConvertible {
    /// Mean squared error, `d²`.
    case mse
    /// Mean absolute error, `|d|`.
    case mae
    /// Huber: `d² / 2` when `|d| <= delta`, else `delta * (|d| - delta / 2)` (PyTorch's `HuberLoss`).
    case huber(delta: Double)

    /// `mse`, `mae` or `huber(1.0)`.
    public var description: String {
        switch self {
        case .mse: return "mse"
        case .mae: return "mae"
        case .huber(let delta): return "huber(\(delta))"
        }
    }
}
