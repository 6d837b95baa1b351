import Testing
@testable import NeuralNet

/// The vectorised linear kernels against plain triple loops, in both precisions, at sizes
/// that hit every vector body and tail.
@Suite struct KernelTests {
    static let shapes = [(1, 1, 1), (4, 3, 16), (5, 60, 64), (7, 9, 17), (32, 64, 1), (3, 2, 33)]

    static func check<T: NNScalar>(_: T.Type, rows: Int, inputs: Int, outputs: Int, tolerance: Double) throws {
        let layer = try Linear<T>(inputs, outputs, seed: 61)
        layer.bias = TestData.matrix(1, outputs, seed: 62, as: T.self)
        let x: Matrix<T> = TestData.matrix(rows, inputs, seed: 63, as: T.self)
        let g: Matrix<T> = TestData.matrix(rows, outputs, seed: 64, as: T.self)
        let output = try layer.forward(x)
        layer.zeroGradParameters()
        let gradInput = try layer.backward(x, g)
        func value(_ m: Matrix<T>, _ r: Int, _ c: Int) -> Double { Double(m[r, c]) }
        var expectedOutput: [Double] = [], expectedGradInput: [Double] = [], expectedGradWeight: [Double] = []
        for r in 0..<rows {
            for o in 0..<outputs {
                expectedOutput.append((0..<inputs).reduce(value(layer.bias, 0, o)) { $0 + value(x, r, $1) * value(layer.weight, $1, o) })
            }
            for i in 0..<inputs {
                expectedGradInput.append((0..<outputs).reduce(0) { $0 + value(g, r, $1) * value(layer.weight, i, $1) })
            }
        }
        for i in 0..<inputs {
            for o in 0..<outputs { expectedGradWeight.append((0..<rows).reduce(0) { $0 + value(x, $1, i) * value(g, $1, o) }) }
        }
        let expectedGradBias = (0..<outputs).map { o in (0..<rows).reduce(0) { $0 + value(g, $1, o) } }
        #expect(TestData.maxError(output.scalars.map(Double.init), expectedOutput) < tolerance)
        #expect(TestData.maxError(gradInput.scalars.map(Double.init), expectedGradInput) < tolerance)
        #expect(TestData.maxError(layer.gradWeight.scalars.map(Double.init), expectedGradWeight) < tolerance)
        #expect(TestData.maxError(layer.gradBias.scalars.map(Double.init), expectedGradBias) < tolerance)
    }

    @Test(arguments: shapes) func linearFloat64(rows: Int, inputs: Int, outputs: Int) throws {
        try Self.check(Double.self, rows: rows, inputs: inputs, outputs: outputs, tolerance: 1e-13)
    }

    @Test(arguments: shapes) func linearFloat32(rows: Int, inputs: Int, outputs: Int) throws {
        try Self.check(Float.self, rows: rows, inputs: inputs, outputs: outputs, tolerance: 1e-5)
    }

    @Test func gradientsAccumulateUntilZeroed() throws {
        let layer = try Linear<Double>(3, 2)
        let x: Matrix<Double> = TestData.matrix(2, 3, seed: 65), g: Matrix<Double> = TestData.matrix(2, 2, seed: 66)
        _ = try layer.forward(x)
        layer.zeroGradParameters()
        _ = try layer.backward(x, g)
        let once = layer.gradWeight.scalars
        _ = try layer.backward(x, g)
        #expect(layer.gradWeight.scalars == once.map { 2 * $0 })
        layer.zeroGradParameters()
        #expect(layer.gradWeight.scalars.allSatisfy { $0 == 0 } && layer.gradBias.scalars.allSatisfy { $0 == 0 })
    }

    @Test func activationsMatchTheirFormulas() throws {
        let x = try Matrix<Double>([[-2, -0.5, 0, 0.5, 3]])
        #expect(try ReLU().forward(x) == Matrix([[0, 0, 0, 0.5, 3]]))
        let tanh = try Tanh<Double>().forward(x).scalars, sigmoid = try Sigmoid<Double>().forward(x).scalars
        #expect(TestData.maxError(tanh, [-0.9640275800758169, -0.46211715726000974, 0, 0.46211715726000974, 0.9950547536867305]) < 1e-15)
        #expect(TestData.maxError(sigmoid, [0.11920292202211755, 0.3775406687981454, 0.5, 0.6224593312018546, 0.9525741268224334]) < 1e-15)
    }

    @Test func criteriaMatchHandComputedValues() throws {
        let prediction = try Matrix<Double>([[1, 2], [3, 4]]), target = try Matrix<Double>([[1, 0], [5, 3.5]])
        // differences 0, 2, -2, 0.5
        #expect(try Criterion(.mse).forward(prediction, target) == (0 + 4 + 4 + 0.25) / 4)
        #expect(try Criterion(.mae).forward(prediction, target) == (0 + 2 + 2 + 0.5) / 4)
        #expect(try Criterion(.huber(delta: 1)).forward(prediction, target) == (0 + 1.5 + 1.5 + 0.125) / 4)
        #expect(throws: NeuralNetError.shape("prediction is 2x2 but target is 1x2")) {
            try Criterion<Double>().forward(prediction, Matrix(rows: 1, columns: 2))
        }
        #expect(throws: NeuralNetError.invalidArgument("huber delta must be positive, got 0.0")) {
            try Criterion<Double>(.huber(delta: 0))
        }
    }
}

@Suite struct MatrixTests {
    @Test func windowsSlideOverTheSeries() throws {
        let (inputs, targets) = try Matrix<Double>.windows(of: [1, 2, 3, 4, 5, 6], width: 3, horizon: 2)
        #expect(inputs == (try Matrix([[1, 2, 3], [2, 3, 4]])))
        #expect(targets == (try Matrix([[4, 5], [5, 6]])))
        #expect(throws: NeuralNetError.shape("a series of 3 values has no window of 3 followed by 1")) {
            try Matrix<Double>.windows(of: [1, 2, 3], width: 3)
        }
    }

    @Test func shapeErrors() {
        #expect(throws: NeuralNetError.shape("row 2 has 1 values, expected 2")) { try Matrix<Double>([[1, 2], [3]]) }
        #expect(throws: NeuralNetError.shape("3 values do not fill a 2x2 matrix")) {
            try Matrix<Double>(rows: 2, columns: 2, scalars: [1, 2, 3])
        }
    }
}
