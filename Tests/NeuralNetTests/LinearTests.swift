import Testing
@testable import NeuralNet

@Suite struct LinearTests {
    @Test func forwardComputesInputTimesWeightPlusBias() throws {
        let layer = try Linear<Double>(2, 3)
        layer.weight = try Matrix([[1, 2, 3], [4, 5, 6]])
        layer.bias = try Matrix([[0.5, -0.5, 1]])
        let output = try layer.forward(Matrix([[1, 1], [2, -1]]))
        #expect(output == (try Matrix([[5.5, 6.5, 10], [-1.5, -1.5, 1]])))
    }

    @Test func rejectsInputOfTheWrongWidth() throws {
        let layer = try Linear<Float>(3, 2)
        #expect(throws: NeuralNetError.shape("input has 2 columns, expected 3")) {
            try layer.forward(Matrix([[1, 2]]))
        }
    }
}

/// He and Xavier initialisation: uniform within the layer's limit, repeatable from a seed.
@Suite struct InitializationTests {
    @Test(arguments: [(WeightInitialization.he, (6.0 / 60).squareRoot()), (.xavier, (6.0 / 124).squareRoot())])
    func weightsAreUniformWithinTheLimit(initialization: WeightInitialization, limit: Double) throws {
        let layer = try Linear<Double>(60, 64, initialization: initialization, seed: 3)
        let weights = layer.weight.scalars
        let mean = weights.reduce(0, +) / Double(weights.count)
        let variance = weights.reduce(0) { $0 + $1 * $1 } / Double(weights.count)
        #expect(weights.allSatisfy { abs($0) <= limit })
        #expect((weights.map(abs).max() ?? 0) > 0.99 * limit)
        // 3,840 uniform draws: the mean's standard error is limit / 107, the variance is limit² / 3
        #expect(abs(mean) < 0.05 * limit)
        #expect(abs(variance / (limit * limit / 3) - 1) < 0.06)
        #expect(layer.bias.scalars == Array(repeating: 0, count: 64))
    }

    @Test func theSameSeedGivesTheSameWeightsInBothPrecisions() throws {
        let a = try Linear<Double>(7, 5, seed: 11), b = try Linear<Double>(7, 5, seed: 11)
        #expect(TestData.bitIdentical(TestData.parameters(of: a), TestData.parameters(of: b)))
        #expect(try Linear<Double>(7, 5, seed: 12).weight != a.weight)
        #expect(try Linear<Float>(7, 5, seed: 11).weight.scalars == a.weight.scalars.map { Float($0) })
    }

    @Test func resetDrawsEveryLayerAgainFromOneSeed() throws {
        let network = Sequential<Double>([try Linear(3, 4), Tanh(), try Linear(4, 2, initialization: .xavier)])
        network.reset(seed: 9)
        let first = TestData.parameters(of: network)
        network.reset(seed: 10)
        #expect(!TestData.bitIdentical(TestData.parameters(of: network), first))
        network.reset(seed: 9)
        #expect(TestData.bitIdentical(TestData.parameters(of: network), first))
    }
}
