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
