import Foundation
import Testing
@testable import NeuralNet

/// Training steps of `Linear(4 -> 6), ReLU, Linear(6 -> 2)` with MSE against NumPy's numbers
/// (Fixtures/make_fixture.py wrote Fixtures/training_step.json).
@Suite struct TrainingStepFixtureTests {
    struct Parameters: Decodable {
        var w1, b1, w2, b2: [Double]
        var tensors: [[Double]] { [w1, b1, w2, b2] }
    }

    struct Step: Decodable {
        var loss: Double
        var parameters: Parameters
    }

    struct SGDRun: Decodable {
        var lr, momentum, weightDecay: Double
        var steps: [Step]
    }

    struct AdamRun: Decodable {
        var lr, beta1, beta2, epsilon, weightDecay: Double
        var steps: [Step]
    }

    struct Fixture: Decodable {
        var input, target, output: [[Double]]
        var initial, gradients: Parameters
        var loss: Double
        var sgd: SGDRun
        var adam: AdamRun
    }

    static let fixture: Fixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/training_step.json")
        do {
            return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    /// The fixture's network with its initial weights.
    static func network() throws -> Sequential<Double> {
        let initial = fixture.initial
        let first = try Linear<Double>(4, 6), second = try Linear<Double>(6, 2)
        first.weight = try Matrix(rows: 4, columns: 6, scalars: initial.w1)
        first.bias = try Matrix(rows: 1, columns: 6, scalars: initial.b1)
        second.weight = try Matrix(rows: 6, columns: 2, scalars: initial.w2)
        second.bias = try Matrix(rows: 1, columns: 2, scalars: initial.b2)
        return Sequential([first, ReLU(), second])
    }

    /// Runs the fixture's steps with `optimizer` and compares each loss and the parameters after it.
    static func replay(_ optimizer: Optimizer, _ expected: [Step]) throws {
        let network = try network()
        let criterion = try Criterion<Double>(.mse)
        let input = try Matrix(fixture.input), target = try Matrix(fixture.target)
        var state = OptimizerState<Double>()
        for (index, step) in expected.enumerated() {
            network.zeroGradParameters()
            let output = try network.forward(input)
            let loss = try criterion.forward(output, target)
            _ = try network.backward(input, criterion.backward(output, target))
            optimizer.step(network, state: &state)
            #expect(abs(loss - step.loss) <= 1e-13 * step.loss, "step \(index + 1) loss")
            for (actual, wanted) in zip(TestData.parameters(of: network), step.parameters.tensors) {
                #expect(TestData.maxError(actual, wanted) < 1e-13, "step \(index + 1) parameters")
            }
        }
    }

    @Test func forwardLossAndGradientsMatchNumPy() throws {
        let network = try Self.network()
        let criterion = try Criterion<Double>(.mse)
        let input = try Matrix(Self.fixture.input), target = try Matrix(Self.fixture.target)
        let output = try network.forward(input)
        #expect(TestData.maxError(output.scalars, Self.fixture.output.flatMap { $0 }) < 1e-14)
        let loss = try criterion.forward(output, target)
        #expect(abs(loss - Self.fixture.loss) <= 1e-14 * Self.fixture.loss)
        network.zeroGradParameters()
        _ = try network.backward(input, criterion.backward(output, target))
        for (actual, wanted) in zip(TestData.gradients(of: network), Self.fixture.gradients.tensors) {
            #expect(TestData.maxError(actual, wanted) < 1e-14)
        }
    }

    @Test func sgdWithMomentumAndWeightDecayMatchesNumPy() throws {
        let run = Self.fixture.sgd
        try Self.replay(
            .sgd(config: SGDConfig(learningRate: run.lr, momentum: run.momentum, weightDecay: run.weightDecay)), run.steps)
    }

    @Test func adamWithWeightDecayMatchesNumPy() throws {
        let run = Self.fixture.adam
        let config = AdamConfig(
            learningRate: run.lr, beta1: run.beta1, beta2: run.beta2, epsilon: run.epsilon, weightDecay: run.weightDecay)
        try Self.replay(.adam(config: config), run.steps)
    }

    @Test func float32FollowsFloat64() throws {
        let double = try Self.network()
        let single = Sequential<Float>()
        for module in double.modules {
            if let linear = module as? Linear<Double> {
                let copy = try Linear<Float>(linear.inputs, linear.outputs)
                copy.weight = linear.weight.converted()
                copy.bias = linear.bias.converted()
                try single.add(copy)
            } else {
                try single.add(ReLU())
            }
        }
        let input = try Matrix(Self.fixture.input)
        let wide = try double.forward(input).scalars
        let narrow = try single.forward(input.converted(to: Float.self)).scalars.map(Double.init)
        #expect(TestData.maxError(narrow, wide) < 1e-6)
    }
}
