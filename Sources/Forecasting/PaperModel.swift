import NeuralNet

/// The paper's method: the last `window` cumulative values, min-max scaled on the training
/// window, through `Linear -> ReLU -> Dropout -> Linear` to the next cumulative value; MSE, Adam
/// (lr 1e-3, batch 32), the last 10% of the windows for validation, the best validation epoch's
/// weights kept, and a recursive one-step forecast over the horizon.
struct PaperModel: ForecastMethod {
    static let name = "paper"
    static let summary = "the paper's back-propagation network on a window of cumulative values"
    static let readsWindow = true

    /// Epochs when the options do not say.
    static let defaultEpochs = 200

    let input: ForecastInput
    let network: Sequential<Double>
    let loss: LossHistory
    /// Cumulative revenue from the series' start, rows `0...cutoff`.
    let cumulative: [Double]
    /// The training window's minimum and range of the cumulative values.
    let offset: Double, range: Double
    var minimumRows: Int { input.window }

    /// The window and ten more rows, so that the last 10% held out for validation is not empty.
    static func minimumTraining(window: Int, step: Int) -> Int { window + 10 }

    init(input: ForecastInput) throws(ForecastError) {
        let options = input.options
        var running = 0.0
        cumulative = input.revenue.map { running += $0; return running }
        let trainValues = cumulative[(input.cutoff - input.train + 1)...]
        offset = trainValues.min() ?? 0
        range = max((trainValues.max() ?? 0) - offset, 1e-9)
        self.input = input
        do {
            network = Sequential([
                try Linear(input.window, options.hidden, initialization: .xavier, seed: options.seed), ReLU(),
                try Dropout(options.dropout, seed: options.seed),
                try Linear(options.hidden, 1, initialization: .xavier, seed: options.seed &+ 1),
            ])
            let scaled = trainValues.map { [offset, range] in ($0 - offset) / range }
            let (inputs, targets) = try Matrix<Double>.windows(of: Array(scaled), width: input.window)
            var training = TrainingOptions()
            training.epochs = options.epochs ?? Self.defaultEpochs
            training.seed = options.seed
            let history = try Trainer(training).fit(network, inputs: inputs, targets: targets) { report in
                ForecastProgress.report(Double(report.epoch) / Double(report.epochs))
                return .proceed
            }
            loss = LossHistory(training: history.trainingLoss, validation: history.validationLoss, bestEpoch: history.bestEpoch)
        } catch .cancelled {
            throw .cancelled
        } catch {
            throw .trainingFailed(message: error.description)
        }
    }

    func rates(origin: Int, horizon: Int) -> [Double] {
        let window = input.window
        var recent = cumulative[(origin - window + 1)...origin].map { ($0 - offset) / range }
        var previous = cumulative[origin]
        var rates: [Double] = []
        rates.reserveCapacity(horizon)
        for _ in 0..<horizon {
            let next = (try? network.forward(Matrix(rows: 1, columns: window, scalars: recent))[0, 0]) ?? recent[window - 1]
            recent.removeFirst()
            recent.append(next)
            let value = next * range + offset
            rates.append(value - previous)
            previous = value
        }
        return rates
    }
}
