import Foundation
import Testing
@testable import NeuralNet

@Suite struct TrainerTests {
    /// 64 rows of `y = 3 x1 - 2 x2 + 0.5`.
    static func linearData() throws -> (Matrix<Double>, Matrix<Double>) {
        let inputs: Matrix<Double> = TestData.matrix(64, 2, seed: 21)
        let targets = try Matrix(rows: 64, columns: 1, scalars: (0..<64).map { 3 * inputs[$0, 0] - 2 * inputs[$0, 1] + 0.5 })
        return (inputs, targets)
    }

    static func options(epochs: Int, optimizer: Optimizer, validation: Double = 0) -> TrainingOptions {
        var options = TrainingOptions()
        options.epochs = epochs
        options.batchSize = 16
        options.optimizer = optimizer
        options.validationFraction = validation
        return options
    }

    @Test func sgdRecoversALinearFunctionExactly() throws {
        let (inputs, targets) = try Self.linearData()
        let layer = try Linear<Double>(2, 1)
        let history = try Trainer(Self.options(epochs: 300, optimizer: .sgd(config: SGDConfig(learningRate: 0.1, momentum: 0.9))))
            .fit(Sequential([layer]), inputs: inputs, targets: targets)
        #expect(history.trainingLoss.count == 300)
        #expect((history.trainingLoss.last ?? 1) < 1e-20)
        #expect(abs(layer.weight[0, 0] - 3) < 1e-10 && abs(layer.weight[1, 0] + 2) < 1e-10)
        #expect(abs(layer.bias[0, 0] - 0.5) < 1e-10)
    }

    @Test func adamFitsASineWithAHiddenLayer() throws {
        let inputs: Matrix<Double> = TestData.matrix(128, 1, seed: 22)
        let targets = try Matrix(rows: 128, columns: 1, scalars: inputs.scalars.map { sin(Double.pi * $0) })
        let network = Sequential<Double>([
            try Linear(1, 16, initialization: .xavier, seed: 1), Tanh(), try Linear(16, 1, initialization: .xavier, seed: 2),
        ])
        let history = try Trainer(Self.options(
            epochs: 400, optimizer: .adam(config: AdamConfig(learningRate: 0.02)), validation: 0.1))
            .fit(network, inputs: inputs, targets: targets)
        // a sine's variance on [-1, 1] is 0.5: reaching 1e-3 means the shape was learned
        #expect((history.trainingLoss.first ?? 0) > 0.1)
        #expect(history.validationLoss[history.bestEpoch - 1] < 1e-3)
    }

    /// Trains towards `y = 2x` while validating against `y = x`: the validation loss is lowest
    /// when the weight passes 1, then rises, so early stopping must hand back that epoch's weights.
    @Test func earlyStoppingRestoresTheBestEpochsWeights() throws {
        let x: Matrix<Double> = TestData.matrix(40, 1, seed: 23, in: 0.5...1.5)
        let targets = try Matrix(rows: 40, columns: 1, scalars: (0..<40).map { x[$0, 0] * ($0 < 30 ? 2 : 1) })
        let layer = try Linear<Double>(1, 1)
        layer.weight = try Matrix([[0]])
        var options = Self.options(epochs: 500, optimizer: .sgd(config: SGDConfig(learningRate: 0.01)), validation: 0.25)
        options.patience = 5
        options.shuffle = false
        var weights: [[[Double]]] = []
        let history = try Trainer(options).fit(Sequential([layer]), inputs: x, targets: targets) { _ in
            weights.append(TestData.parameters(of: layer))
            return .proceed
        }
        #expect(history.stopReason == .earlyStopping)
        #expect(history.trainingLoss.count == history.bestEpoch + 5)
        #expect(history.bestEpoch > 1)
        #expect(history.validationLoss.min() == history.validationLoss[history.bestEpoch - 1])
        #expect(TestData.bitIdentical(TestData.parameters(of: layer), weights[history.bestEpoch - 1]))
        #expect(!TestData.bitIdentical(TestData.parameters(of: layer), weights[weights.count - 1]))
    }

    @Test func lastEpochWeightsWhenNotRestoring() throws {
        let (inputs, targets) = try Self.linearData()
        let layer = try Linear<Double>(2, 1)
        var options = Self.options(epochs: 7, optimizer: .adam(config: AdamConfig()), validation: 0.25)
        options.restoreBestWeights = false
        var last: [[Double]] = []
        let history = try Trainer(options).fit(Sequential([layer]), inputs: inputs, targets: targets) { _ in
            last = TestData.parameters(of: layer)
            return .proceed
        }
        #expect(history.bestEpoch == 7)
        #expect(TestData.bitIdentical(TestData.parameters(of: layer), last))
    }

    @Test func divergenceNamesTheEpoch() throws {
        let (inputs, targets) = try Self.linearData()
        var finished = 0
        let trainer = Trainer<Double>(Self.options(epochs: 100, optimizer: .sgd(config: SGDConfig(learningRate: 1e3))))
        #expect {
            _ = try trainer.fit(Sequential([try Linear<Double>(2, 1)]), inputs: inputs, targets: targets) { report in
                finished = report.epoch
                return .proceed
            }
        } throws: { error in
            guard case .diverged(let epoch, _) = error as? NeuralNetError else { return false }
            return epoch == finished + 1
                && "\(error)".hasPrefix("training diverged at epoch \(epoch): loss is ")
        }
        #expect(finished >= 1)
    }

    @Test func sameSeedGivesBitIdenticalWeights() throws {
        let (inputs, targets) = try Self.linearData()
        func train(seed: UInt64) throws -> [[Double]] {
            let network = Sequential<Double>([try Linear(2, 8), ReLU(), try Dropout(0.3), try Linear(8, 1)])
            var options = Self.options(epochs: 20, optimizer: .adam(config: AdamConfig()), validation: 0.2)
            options.seed = seed
            options.validationSplit = .random
            _ = try Trainer(options).fit(network, inputs: inputs, targets: targets)
            return TestData.parameters(of: network)
        }
        #expect(TestData.bitIdentical(try train(seed: 7), try train(seed: 7)))
        #expect(!TestData.bitIdentical(try train(seed: 7), try train(seed: 8)))
    }

    @Test func progressCanStopTraining() throws {
        let (inputs, targets) = try Self.linearData()
        var reports: [EpochReport] = []
        let history = try Trainer(Self.options(epochs: 50, optimizer: .adam(config: AdamConfig()), validation: 0.25))
            .fit(Sequential([try Linear<Double>(2, 1)]), inputs: inputs, targets: targets) { report in
                reports.append(report)
                return report.epoch == 3 ? .stop : .proceed
            }
        #expect(history.stopReason == .stoppedByCallback)
        #expect(reports.map(\.epoch) == [1, 2, 3] && reports.allSatisfy { $0.epochs == 50 })
        #expect(reports.map(\.trainingLoss) == history.trainingLoss)
        #expect(reports.compactMap(\.validationLoss) == history.validationLoss)
    }

    @Test func splitHoldsOutTheLastOrRandomRows() throws {
        var options = TrainingOptions()
        options.validationFraction = 0.2
        var generator = Xoshiro256(seed: 1)
        let (training, validation) = try Trainer<Double>(options).split(rows: 10, generator: &generator)
        #expect(training == Array(0..<8) && validation == [8, 9])
        options.validationSplit = .random
        let (mixed, held) = try Trainer<Double>(options).split(rows: 10, generator: &generator)
        #expect(held.count == 2 && Set(mixed + held) == Set(0..<10) && held != [8, 9])
    }

    static func changed(_ body: (inout TrainingOptions) -> Void) -> TrainingOptions {
        var options = TrainingOptions()
        body(&options)
        return options
    }

    @Test(arguments: [
        (changed { $0.epochs = 0 }, "'epochs' must be positive, got 0"),
        (changed { $0.batchSize = -1 }, "'batch' must be positive, got -1"),
        (changed { $0.validationFraction = 1 }, "'validation' must be in [0, 1), got 1.0"),
        (changed { $0.patience = 0 }, "'patience' must be positive, got 0"),
        (changed { $0.optimizer = .adam(config: AdamConfig(learningRate: 0)) }, "'lr' must be positive, got 0.0"),
    ])
    func rejectsBadOptions(options: TrainingOptions, message: String) throws {
        let (inputs, targets) = try Self.linearData()
        #expect(throws: NeuralNetError.invalidArgument(message)) {
            try Trainer(options).fit(Sequential([try Linear<Double>(2, 1)]), inputs: inputs, targets: targets)
        }
    }

    @Test func rejectsValuesThatAreNotFinite() throws {
        var (inputs, targets) = try Self.linearData()
        inputs[4, 1] = .nan
        #expect(throws: NeuralNetError.invalidArgument("inputs row 5, column 2 is nan, not a finite number")) {
            try Trainer().fit(Sequential([try Linear<Double>(2, 1)]), inputs: inputs, targets: targets)
        }
        inputs[4, 1] = 0
        targets[63, 0] = -.infinity
        var options = TrainingOptions()
        options.inputScaling = .minMax
        #expect(throws: NeuralNetError.invalidArgument("targets row 64, column 1 is -inf, not a finite number")) {
            try Model(Sequential([try Linear<Double>(2, 1)])).fit(inputs: inputs, targets: targets, options: options)
        }
    }

    @Test func rejectsMismatchedRows() throws {
        let inputs: Matrix<Double> = TestData.matrix(5, 2, seed: 1)
        #expect(throws: NeuralNetError.shape("inputs have 5 rows but targets have 4")) {
            try Trainer().fit(Sequential([try Linear<Double>(2, 1)]), inputs: inputs, targets: Matrix(rows: 4, columns: 1))
        }
    }
}
