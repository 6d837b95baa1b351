import Cancellation

/// The state of one `Trainer.fit` call: buffers reused by every step, the optimizer's state and
/// the best weights seen so far.
struct TrainingRun<T: NNScalar> {
    let network: Sequential<T>
    let options: TrainingOptions
    let criterion: Criterion<T>
    let validation: (inputs: Matrix<T>, targets: Matrix<T>)
    var history = TrainingHistory()
    private var state = OptimizerState<T>()
    private var batchInputs = Matrix<T>()
    private var batchTargets = Matrix<T>()
    private var bestLoss = Double.infinity
    private var bestWeights: [[T]] = []

    init(
        network: Sequential<T>, options: TrainingOptions, validation: (inputs: Matrix<T>, targets: Matrix<T>)
    ) throws(NeuralNetError) {
        self.network = network
        self.options = options
        self.validation = validation
        criterion = try Criterion(options.loss)
    }

    /// One pass over the training rows in `order`; returns the mean batch loss weighted by size.
    mutating func trainEpoch(_ epoch: Int, inputs: Matrix<T>, targets: Matrix<T>, order: [Int]) throws(NeuralNetError) -> Double {
        network.training()
        var total = 0.0
        var start = 0
        while start < order.count {
            guard !CancellationCheck.isRequested else { throw .cancelled }
            let rows = order[start..<Swift.min(start + options.batchSize, order.count)]
            batchInputs.gather(from: inputs, rows: rows)
            batchTargets.gather(from: targets, rows: rows)
            network.zeroGradParameters()
            let prediction = try network.forward(batchInputs)
            let loss = try criterion.forward(prediction, batchTargets)
            guard loss.isFinite else { throw .diverged(epoch: epoch, loss: "\(loss)") }
            let gradient = try criterion.backward(prediction, batchTargets)
            try network.backwardParameters(batchInputs, gradient)
            options.optimizer.step(network, state: &state)
            total += Double(loss) * Double(rows.count)
            start += options.batchSize
        }
        return total / Double(order.count)
    }

    /// The loss on the validation rows in evaluation mode, or nil without validation rows.
    func validate(_ epoch: Int) throws(NeuralNetError) -> Double? {
        guard validation.inputs.rows > 0 else { return nil }
        network.evaluate()
        let loss = try criterion.forward(network.forward(validation.inputs), validation.targets)
        guard loss.isFinite else { throw .diverged(epoch: epoch, loss: "\(loss)") }
        return Double(loss)
    }

    /// Appends the epoch's losses and keeps the weights if the monitored loss improved
    /// (validation loss, or training loss without validation rows).
    mutating func record(epoch: Int, trainingLoss: Double, validationLoss: Double?) {
        history.trainingLoss.append(trainingLoss)
        if let validationLoss { history.validationLoss.append(validationLoss) }
        let monitored = validationLoss ?? trainingLoss
        guard monitored < bestLoss else { return }
        bestLoss = monitored
        history.bestEpoch = epoch
        if options.restoreBestWeights { saveWeights() }
    }

    /// Restores the best weights if asked; otherwise the last epoch's weights are the result.
    mutating func finish() {
        if options.restoreBestWeights, !bestWeights.isEmpty {
            var index = 0
            network.forEachParameter { values, _ in
                copyBytes(of: bestWeights[index], into: &values)
                index += 1
            }
        } else {
            history.bestEpoch = history.trainingLoss.count
        }
    }

    private mutating func saveWeights() {
        var index = 0
        var saved = bestWeights
        bestWeights = []  // keep `saved` the only reference so copying into it does not reallocate
        network.forEachParameter { values, _ in
            if saved.count == index { saved.append(Array(repeating: 0, count: values.count)) }
            copyBytes(of: values, into: &saved[index])
            index += 1
        }
        bestWeights = saved
    }
}

/// Copies the elements of `source` over those of `target` (same count) without per-element work.
private func copyBytes<T: NNScalar>(of source: [T], into target: inout [T]) {
    target.withUnsafeMutableBytes { to in source.withUnsafeBytes { from in to.copyMemory(from: from) } }
}
