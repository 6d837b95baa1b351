import Testing
@testable import NeuralNet

@Suite struct DropoutTests {
    @Test func evaluationModeIsTheIdentity() throws {
        let dropout = try Dropout<Double>(0.5)
        dropout.evaluate()
        let input: Matrix<Double> = TestData.matrix(3, 7, seed: 41)
        #expect(try dropout.forward(input) == input)
    }

    @Test func trainingDropsAboutPAndScalesTheRest() throws {
        let dropout = try Dropout<Float>(0.2)
        let input = Matrix<Float>(rows: 100, columns: 101, repeating: 3)
        let output = try dropout.forward(input).scalars
        let dropped = output.filter { $0 == 0 }.count
        // 10,100 draws of p = 0.2: the standard deviation of the count is 40
        #expect(abs(dropped - 2020) < 200)
        #expect(output.allSatisfy { $0 == 0 || $0 == 3 / 0.8 })
        let gradient = try dropout.backward(input, Matrix(rows: 100, columns: 101, repeating: 1)).scalars
        #expect(gradient == output.map { $0 / 3 })
    }

    @Test func masksChangeBetweenBatchesAndReplayAfterReseeding() throws {
        let dropout = try Dropout<Double>(0.5)
        let input = Matrix<Double>(rows: 4, columns: 16, repeating: 1)
        dropout.reseed(9)
        let first = try dropout.forward(input), second = try dropout.forward(input)
        dropout.reseed(9)
        #expect(first != second)
        #expect(try dropout.forward(input) == first)
    }

    @Test func rejectsProbabilitiesOutsideTheRange() {
        #expect(throws: NeuralNetError.invalidArgument("dropout probability must be in [0, 1), got 1.0")) {
            try Dropout<Double>(1)
        }
        #expect(throws: NeuralNetError.invalidArgument("dropout probability must be in [0, 1), got -0.1")) {
            try Dropout<Double>(-0.1)
        }
    }

    /// Behind a dropout layer a linear layer's expected output equals its output in evaluation
    /// mode (inverted scaling), so the Monte-Carlo mean must converge to the plain prediction.
    @Test func monteCarloSamplesAverageToTheEvaluationPrediction() throws {
        let model = Model(Sequential<Double>([try Linear(4, 32, seed: 1), try Dropout(0.3), try Linear(32, 1, seed: 2)]))
        model.network.evaluate()
        let inputs: Matrix<Double> = TestData.matrix(3, 4, seed: 42)
        let plain = try model.predict(inputs).scalars
        let samples = try model.sampleWithDropout(inputs, samples: 4000, seed: 5)
        #expect(!model.network.isTraining)
        #expect(samples.count == 4000 && samples[0] != samples[1])
        for row in 0..<3 {
            let values = samples.map { $0[row, 0] }
            let mean = values.reduce(0, +) / 4000
            let spread = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 3999).squareRoot()
            #expect(spread > 0)
            // within five standard errors of the mean
            #expect(abs(mean - plain[row]) < 5 * spread / 4000.0.squareRoot())
        }
        let again = try model.sampleWithDropout(inputs, samples: 4000, seed: 5)
        #expect(again == samples)
    }

    @Test func monteCarloRejectsNoSamples() throws {
        let model = Model(Sequential<Double>([try Linear(1, 1)]))
        #expect(throws: NeuralNetError.invalidArgument("'samples' must be positive, got 0")) {
            try model.sampleWithDropout(Matrix(rows: 1, columns: 1), samples: 0, seed: 1)
        }
    }
}
