/// Trains a network with mini-batches, a validation split, early stopping and restoring the best
/// weights. The same options and data give bit-identical weights.
public struct Trainer<T: NNScalar> {
    /// The settings of every run.
    public var options: TrainingOptions

    /// A trainer with `options`.
    public init(_ options: TrainingOptions = TrainingOptions()) {
        self.options = options
    }

    /// Trains `network` to map the rows of `inputs` to those of `targets`, calling `progress`
    /// after each epoch. The network ends in evaluation mode.
    public func fit(
        _ network: Sequential<T>, inputs: Matrix<T>, targets: Matrix<T>,
        progress: (EpochReport) -> TrainingControl = { _ in .proceed }
    ) throws(NeuralNetError) -> TrainingHistory {
        try options.validate()
        guard inputs.rows == targets.rows else {
            throw .shape("inputs have \(inputs.rows) rows but targets have \(targets.rows)")
        }
        try inputs.checkFinite("inputs")
        try targets.checkFinite("targets")
        guard !network.isFrozen else { throw .frozen }
        network.setFrozen(true)
        defer { network.setFrozen(false) }
        var generator = Xoshiro256(seed: options.seed)
        network.reseed(generator: &generator)
        let (trainingRows, validationRows) = try split(rows: inputs.rows, generator: &generator)
        var run = try TrainingRun(network: network, options: options, validation: (
            inputs.gathering(rows: validationRows), targets.gathering(rows: validationRows)))
        defer { network.evaluate() }
        var order = trainingRows
        for epoch in 1...options.epochs {
            if options.shuffle { shuffle(&order, generator: &generator) }
            let (trainingLoss, validationLoss) = try withSubnormalsFlushed { () throws(NeuralNetError) in
                (try run.trainEpoch(epoch, inputs: inputs, targets: targets, order: order), try run.validate(epoch))
            }
            run.record(epoch: epoch, trainingLoss: trainingLoss, validationLoss: validationLoss)
            let report = EpochReport(
                epoch: epoch, epochs: options.epochs, trainingLoss: trainingLoss, validationLoss: validationLoss)
            if progress(report) == .stop {
                run.history.stopReason = .stoppedByCallback
                break
            }
            if let patience = options.patience, epoch - run.history.bestEpoch >= patience {
                run.history.stopReason = .earlyStopping
                break
            }
        }
        run.finish()
        return run.history
    }

    /// The training and validation row indices, validation rows in ascending order.
    func split(rows: Int, generator: inout Xoshiro256) throws(NeuralNetError) -> ([Int], [Int]) {
        guard rows > 0 else { throw .shape("no rows to train on") }
        let held = Int((Double(rows) * options.validationFraction).rounded())
        guard held < rows else {
            throw .invalidArgument("no training rows left after holding out \(held) of \(rows) for validation")
        }
        switch options.validationSplit {
        case .last:
            return (Array(0..<rows - held), Array(rows - held..<rows))
        case .random:
            var all = Array(0..<rows)
            shuffle(&all, generator: &generator)
            return (all[held...].sorted(), all[..<held].sorted())
        }
    }

    /// Fisher-Yates with the trainer's generator, so that orders are the same on every platform.
    func shuffle(_ values: inout [Int], generator: inout Xoshiro256) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, generator.nextIndex(below: i + 1))
        }
    }
}
