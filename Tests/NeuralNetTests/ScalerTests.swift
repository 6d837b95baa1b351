import Testing
@testable import NeuralNet

@Suite struct ScalerTests {
    static let data = try! Matrix<Double>([[1, 10, 5], [3, 10, 5], [5, 10, 8]])

    @Test func minMaxMapsEachColumnOntoZeroToOne() throws {
        let scaler = try Scaler.fit(.minMax, to: Self.data)
        #expect(scaler.offsets == [1, 10, 5] && scaler.scales == [4, 1, 3])
        #expect(try scaler.transform(Self.data) == Matrix([[0, 0, 0], [0.5, 0, 0], [1, 0, 1]]))
        #expect(try scaler.inverseTransform(scaler.transform(Self.data)) == Self.data)
    }

    @Test func standardGivesZeroMeanAndUnitDeviation() throws {
        let scaler = try Scaler.fit(.standard, to: Self.data)
        // column 1: mean 3, population variance 8/3; column 3: mean 6, variance 2
        #expect(scaler.offsets == [3, 10, 6])
        #expect(abs(scaler.scales[0] - (8.0 / 3).squareRoot()) < 1e-15 && scaler.scales[1] == 1)
        #expect(abs(scaler.scales[2] - 2.0.squareRoot()) < 1e-15)
        let scaled = try scaler.transform(Self.data)
        #expect(abs((0..<3).map { scaled[$0, 0] }.reduce(0, +)) < 1e-15)
    }

    @Test func errors() throws {
        let scaler = try Scaler.fit(.minMax, to: Self.data)
        #expect(throws: NeuralNetError.shape("scaler expects 3 columns, got 2")) {
            try scaler.transform(Matrix(rows: 1, columns: 2))
        }
        #expect(throws: NeuralNetError.shape("cannot fit a scaler to no rows")) {
            try Scaler.fit(.standard, to: Matrix<Double>(rows: 0, columns: 2))
        }
        #expect(throws: NeuralNetError.invalidArgument("column 2 has a value that is not finite")) {
            try Scaler.fit(.standard, to: Matrix<Double>([[1, .nan]]))
        }
    }

    @Test func modelFitsScalersAndPredictsInTargetUnits() throws {
        // y = 1000 + 500 x: far outside the network's natural range unless targets are scaled
        let inputs: Matrix<Double> = TestData.matrix(64, 1, seed: 51, in: 0...100)
        let targets = try Matrix(rows: 64, columns: 1, scalars: inputs.scalars.map { 1000 + 500 * $0 })
        let model = Model(Sequential<Double>([try Linear(1, 1)]))
        var options = TrainingOptions()
        options.epochs = 300
        options.batchSize = 64
        options.validationFraction = 0
        options.optimizer = .sgd(config: SGDConfig(learningRate: 0.5, momentum: 0.5))
        options.inputScaling = .minMax
        options.targetScaling = .standard
        _ = try model.fit(inputs: inputs, targets: targets, options: options)
        #expect(model.inputScaler?.kind == .minMax && model.targetScaler?.kind == .standard)
        let prediction = try model.predict(Matrix([[10], [90]])).scalars
        #expect(abs(prediction[0] - 6000) < 1e-6 && abs(prediction[1] - 46000) < 1e-6)
    }
}
