import Testing
@testable import NeuralNet

/// Every layer's analytic gradients against central finite differences (relative error < 1e-6).
@Suite struct GradientCheckTests {
    static let tolerance = 1e-6

    /// Sizes that exercise the kernels' vector bodies and their tails (8 lanes of Double, blocks of 4 rows).
    @Test(arguments: [(1, 1, 1), (3, 5, 2), (5, 7, 13), (9, 16, 17), (6, 20, 24)])
    func linear(rows: Int, inputs: Int, outputs: Int) throws {
        let layer = try Linear<Double>(inputs, outputs, seed: 3)
        layer.bias = TestData.matrix(1, outputs, seed: 4)
        let errors = try GradientCheck(module: layer).errors(at: TestData.matrix(rows, inputs, seed: 5))
        #expect(errors.input < Self.tolerance)
        #expect(errors.parameters.count == 2)
        #expect(errors.parameters.allSatisfy { $0 < Self.tolerance }, "\(errors.parameters)")
    }

    @Test func relu() throws {
        // keep inputs away from the kink at 0, where the derivative is undefined
        var input: Matrix<Double> = TestData.matrix(4, 9, seed: 6)
        for row in 0..<4 { for column in 0..<9 where abs(input[row, column]) < 0.05 { input[row, column] = 0.5 } }
        let errors = try GradientCheck(module: ReLU()).errors(at: input)
        #expect(errors.input < Self.tolerance)
    }

    @Test func tanh() throws {
        let errors = try GradientCheck(module: Tanh()).errors(at: TestData.matrix(4, 9, seed: 7, in: -3...3))
        #expect(errors.input < Self.tolerance)
    }

    @Test func sigmoid() throws {
        let errors = try GradientCheck(module: Sigmoid()).errors(at: TestData.matrix(4, 9, seed: 8, in: -4...4))
        #expect(errors.input < Self.tolerance)
    }

    @Test func dropoutWithAFixedMask() throws {
        let dropout = try Dropout<Double>(0.3)
        let check = GradientCheck(module: dropout, prepare: { dropout.reseed(42) })
        let errors = try check.errors(at: TestData.matrix(6, 11, seed: 9))
        #expect(errors.input < Self.tolerance)
    }

    @Test func dropoutInEvaluationMode() throws {
        let dropout = try Dropout<Double>(0.3)
        dropout.evaluate()
        let errors = try GradientCheck(module: dropout).errors(at: TestData.matrix(3, 5, seed: 10))
        #expect(errors.input < Self.tolerance)
    }

    @Test func sequentialOfEveryLayer() throws {
        let dropout = try Dropout<Double>(0.2)
        let network = try Sequential<Double>()
            .add(try Linear(7, 12, seed: 11)).add(ReLU()).add(dropout)
            .add(try Linear(12, 9, initialization: .xavier, seed: 12)).add(Tanh())
            .add(try Linear(9, 3, initialization: .xavier, seed: 13)).add(Sigmoid())
        let check = GradientCheck(module: network, prepare: { dropout.reseed(5) })
        let errors = try check.errors(at: TestData.matrix(5, 7, seed: 14))
        #expect(errors.input < Self.tolerance)
        #expect(errors.parameters.count == 6)
        #expect(errors.parameters.allSatisfy { $0 < Self.tolerance }, "\(errors.parameters)")
    }

    @Test(arguments: [Loss.mse, .mae, .huber(delta: 0.5)])
    func criterion(loss: Loss) throws {
        let criterion = try Criterion<Double>(loss)
        let input: Matrix<Double> = TestData.matrix(6, 4, seed: 15)
        let target: Matrix<Double> = TestData.matrix(6, 4, seed: 16)
        let analytic = try criterion.backward(input, target).scalars
        let step = 1e-5
        var numeric: [Double] = []
        var moved = input
        for row in 0..<input.rows {
            for column in 0..<input.columns {
                let saved = moved[row, column]
                moved[row, column] = saved + step
                let plus = try criterion.forward(moved, target)
                moved[row, column] = saved - step
                let minus = try criterion.forward(moved, target)
                moved[row, column] = saved
                numeric.append((plus - minus) / (2 * step))
            }
        }
        #expect(TestData.relativeError(analytic, numeric) < Self.tolerance)
    }

    @Test func huberDataCoversBothBranches() {
        let input: Matrix<Double> = TestData.matrix(6, 4, seed: 15)
        let target: Matrix<Double> = TestData.matrix(6, 4, seed: 16)
        let differences = zip(input.scalars, target.scalars).map { abs($0 - $1) }
        #expect(differences.contains { $0 < 0.5 } && differences.contains { $0 > 0.5 })
    }
}
