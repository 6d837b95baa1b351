/// How the validation rows are chosen.
public enum ValidationSplit: String, Codable, Sendable, CaseIterable {
    /// The last rows, as for a time series (the paper's choice).
    case last
    /// Rows drawn at random with the training seed.
    case random
}

/// Everything `Trainer` needs to know; every key with its default (the paper's configuration).
public struct TrainingOptions: Codable, Equatable, Sendable {
    /// `epochs`: passes over the training rows.
    public var epochs = 200
    /// `batch`: rows per gradient step; the last batch of an epoch may be smaller.
    public var batchSize = 32
    /// `optimizer`: Adam with learning rate 1e-3, or SGD.
    public var optimizer = Optimizer.adam(config: AdamConfig())
    /// `loss`: the criterion minimised.
    public var loss = Loss.mse
    /// `validation`: the fraction of rows held out, in `[0, 1)`.
    public var validationFraction = 0.1
    /// `split`: which rows are held out.
    public var validationSplit = ValidationSplit.last
    /// `shuffle`: whether the training rows are visited in a new random order each epoch.
    public var shuffle = true
    /// `patience`: stop after this many epochs without improvement (nil: never stop early).
    public var patience: Int? = nil
    /// `restoreBest`: end with the weights of the best epoch rather than the last.
    public var restoreBestWeights = true
    /// `seed`: drives shuffling, the random validation split and the dropout masks.
    public var seed: UInt64 = 1
    /// `scaleInputs`: the scaler `Model.fit` fits to the inputs (nil: none).
    public var inputScaling: ScalerKind? = nil
    /// `scaleTargets`: the scaler `Model.fit` fits to the targets (nil: none).
    public var targetScaling: ScalerKind? = nil

    /// The defaults.
    public init() {}

    /// Throws unless every value is in range.
    public func validate() throws(NeuralNetError) {
        guard epochs > 0 else { throw .invalidArgument("'epochs' must be positive, got \(epochs)") }
        guard batchSize > 0 else { throw .invalidArgument("'batch' must be positive, got \(batchSize)") }
        guard validationFraction >= 0, validationFraction < 1 else {
            throw .invalidArgument("'validation' must be in [0, 1), got \(validationFraction)")
        }
        if let patience, patience <= 0 {
            throw .invalidArgument("'patience' must be positive, got \(patience)")
        }
        guard optimizer.learningRate > 0, optimizer.learningRate.isFinite else {
            throw .invalidArgument("'lr' must be positive, got \(optimizer.learningRate)")
        }
    }
}
