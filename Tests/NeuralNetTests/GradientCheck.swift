@testable import NeuralNet

/// Compares a module's analytic gradients with central finite differences in Float64.
///
/// The scalar checked is `L = sum(output * projection)` for a fixed random `projection`, so
/// `dL/doutput = projection` is what `backward` receives.
struct GradientCheck {
    /// The finite-difference step: small enough for the truncation error (about `h²`) and large
    /// enough for rounding (about `1e-16 / h`), both near 1e-10.
    let step = 1e-5
    let module: Module<Double>
    /// Called before every forward pass, e.g. to replay the same dropout mask.
    var prepare: () -> Void = {}

    /// The relative errors of the input gradient and of each parameter tensor's gradient.
    func errors(at input: Matrix<Double>) throws -> (input: Double, parameters: [Double]) {
        prepare()
        let output = try module.forward(input)
        let projection: Matrix<Double> = TestData.matrix(output.rows, output.columns, seed: 99)
        module.zeroGradParameters()
        let analyticInput = try module.backward(input, projection).scalars
        let analyticParameters = TestData.gradients(of: module)

        var numericInput: [Double] = []
        var moved = input
        for row in 0..<input.rows {
            for column in 0..<input.columns {
                let saved = moved[row, column]
                moved[row, column] = saved + step
                let plus = try loss(moved, projection)
                moved[row, column] = saved - step
                let minus = try loss(moved, projection)
                moved[row, column] = saved
                numericInput.append((plus - minus) / (2 * step))
            }
        }
        var parameterErrors: [Double] = []
        for (tensor, analytic) in analyticParameters.enumerated() {
            var numeric: [Double] = []
            for index in analytic.indices {
                let saved = parameter(tensor, index)
                setParameter(tensor, index, saved + step)
                let plus = try loss(input, projection)
                setParameter(tensor, index, saved - step)
                let minus = try loss(input, projection)
                setParameter(tensor, index, saved)
                numeric.append((plus - minus) / (2 * step))
            }
            parameterErrors.append(TestData.relativeError(analytic, numeric))
        }
        return (TestData.relativeError(analyticInput, numericInput), parameterErrors)
    }

    private func loss(_ input: Matrix<Double>, _ projection: Matrix<Double>) throws -> Double {
        prepare()
        let output = try module.forward(input)
        return zip(output.scalars, projection.scalars).reduce(0) { $0 + $1.0 * $1.1 }
    }

    private func parameter(_ tensor: Int, _ index: Int) -> Double {
        TestData.parameters(of: module)[tensor][index]
    }

    private func setParameter(_ tensor: Int, _ index: Int, _ value: Double) {
        var position = 0
        module.forEachParameter { values, _ in
            if position == tensor { values[index] = value }
            position += 1
        }
    }
}
