import Testing
@testable import NeuralNet

/// The defaults, mini-batches and shuffling of `Trainer`, checked against steps taken by hand.
@Suite struct MiniBatchTests {
    @Test func defaultsAreThePapersConfiguration() throws {
        let options = TrainingOptions()
        #expect(options.epochs == 200 && options.batchSize == 32 && options.loss == .mse)
        #expect(options.optimizer == .adam(config: AdamConfig(learningRate: 1e-3)))
        #expect(options.validationFraction == 0.1 && options.validationSplit == .last && options.shuffle)
        #expect(options.patience == nil && options.restoreBestWeights)
        var generator = Xoshiro256(seed: 1)
        let (training, validation) = try Trainer<Double>(options).split(rows: 940, generator: &generator)
        #expect(training == Array(0..<846) && validation == Array(846..<940))
    }

    /// `Linear(2 -> 3), Tanh, Linear(3 -> 1)` with its weights from fixed seeds.
    static func network() throws -> Sequential<Double> {
        Sequential([try Linear(2, 3, initialization: .xavier, seed: 1), Tanh(), try Linear(3, 1, seed: 2)])
    }

    /// Seven rows in batches of 3, 3 and 1, in order, for two epochs: the trainer must take
    /// exactly the steps written out here, and report each epoch's loss weighted by batch size.
    @Test func batchesAreTheStepsTakenByHand() throws {
        let inputs: Matrix<Double> = TestData.matrix(7, 2, seed: 51)
        let targets: Matrix<Double> = TestData.matrix(7, 1, seed: 52)
        let config = SGDConfig(learningRate: 0.05, momentum: 0.9)
        var options = TrainingOptions()
        options.epochs = 2
        options.batchSize = 3
        options.shuffle = false
        options.validationFraction = 0
        options.restoreBestWeights = false
        options.optimizer = .sgd(config: config)
        let trained = try Self.network()
        let history = try Trainer(options).fit(trained, inputs: inputs, targets: targets)

        let byHand = try Self.network()
        let criterion = try Criterion<Double>(.mse)
        var state = OptimizerState<Double>()
        var losses: [Double] = []
        for _ in 1...2 {
            var total = 0.0
            for rows in [[0, 1, 2], [3, 4, 5], [6]] {
                let x = inputs.gathering(rows: rows), y = targets.gathering(rows: rows)
                byHand.zeroGradParameters()
                let output = try byHand.forward(x)
                total += Double(try criterion.forward(output, y)) * Double(rows.count)
                _ = try byHand.backward(x, criterion.backward(output, y))
                sgd(byHand, config: config, state: &state)
            }
            losses.append(total / 7)
        }
        #expect(state.step == 6)
        #expect(TestData.bitIdentical(TestData.parameters(of: trained), TestData.parameters(of: byHand)))
        #expect(history.trainingLoss == losses)
    }

    @Test func shufflingVisitsEveryRowInANewOrderEachEpoch() throws {
        let trainer = Trainer<Double>()
        var generator = Xoshiro256(seed: 4)
        var first = Array(0..<20), second = first
        trainer.shuffle(&first, generator: &generator)
        trainer.shuffle(&second, generator: &generator)
        #expect(first.sorted() == Array(0..<20) && second.sorted() == Array(0..<20))
        #expect(first != Array(0..<20) && second != Array(0..<20) && first != second)

        let inputs: Matrix<Double> = TestData.matrix(7, 2, seed: 51)
        let targets: Matrix<Double> = TestData.matrix(7, 1, seed: 52)
        func train(shuffle: Bool) throws -> [[Double]] {
            var options = TrainingOptions()
            options.epochs = 3
            options.batchSize = 3
            options.shuffle = shuffle
            let network = try Self.network()
            _ = try Trainer(options).fit(network, inputs: inputs, targets: targets)
            return TestData.parameters(of: network)
        }
        #expect(!TestData.bitIdentical(try train(shuffle: true), try train(shuffle: false)))
    }
}
