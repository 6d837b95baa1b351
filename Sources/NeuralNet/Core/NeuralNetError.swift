/// Errors a user of the network can cause, with messages in Lua's style.
public enum NeuralNetError: Error, Equatable, CustomStringConvertible {
    /// Matrices whose shapes do not fit, e.g. `input has 59 columns, expected 60`.
    case shape(String)
    /// An error inside a layer of a `Sequential`, with the layer's 1-based index and description.
    case layer(index: Int, name: String, message: String)
    /// A bad option or argument, e.g. `'batch' must be positive, got 0`.
    case invalidArgument(String)
    /// The loss became NaN or infinite during the given 1-based epoch.
    case diverged(epoch: Int, loss: String)
    /// The network is being trained (a progress callback tried to change, run or train it again).
    case frozen
    /// The caller asked training to stop (`CancellationCheck`).
    case cancelled

    /// The message shown to users.
    public var description: String {
        switch self {
        case .shape(let message), .invalidArgument(let message):
            return message
        case .layer(let index, let name, let message):
            return "layer \(index) '\(name)': \(message)"
        case .diverged(let epoch, let loss):
            return "training diverged at epoch \(epoch): loss is \(loss)"
        case .frozen:
            return "the model is being trained: it cannot change or run until its fit returns"
        case .cancelled:
            return "cancelled"
        }
    }
}
