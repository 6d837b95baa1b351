/// The losses of a training run, epoch by epoch (the paper's Figure 3).
public struct TrainingHistory: Codable, Equatable, Sendable {
    /// The mean training loss of each epoch (with dropout active, averaged over the batches).
    public var trainingLoss: [Double] = []
    /// The validation loss after each epoch, in evaluation mode (empty without validation rows).
    public var validationLoss: [Double] = []
    /// The 1-based epoch whose weights the model ends with.
    public var bestEpoch = 0
    /// Why training ended.
    public var stopReason = StopReason.completed

    /// A history before the first epoch.
    public init() {}
}

/// Why training ended.
public enum StopReason: String, Codable, Sendable {
    /// All epochs ran.
    case completed
    /// The monitored loss did not improve for `patience` epochs.
    case earlyStopping
    /// The progress callback asked to stop.
    case stoppedByCallback
}

/// What the progress callback receives after each epoch.
public struct EpochReport: Sendable {
    /// The 1-based epoch just finished.
    public var epoch: Int
    /// The number of epochs planned.
    public var epochs: Int
    /// The epoch's mean training loss.
    public var trainingLoss: Double
    /// The epoch's validation loss, if there are validation rows.
    public var validationLoss: Double?
}
