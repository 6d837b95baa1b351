import LuaBridge
import NeuralNet

extension LuaCall {
    /// Reserves what `model.predict` allocates for `input`: the scaled copy and every layer's
    /// activations, kept by the layers.
    func reserveForward(_ model: Model<Double>, _ input: Matrix<Double>) throws(LuaError) {
        let perRow = Double(input.columns) + model.network.activationScalarsPerRow(columns: input.columns, backward: false)
        try reserveMemory(Double(input.rows) * perRow * 8, for: "forward of \(input.rows) rows")
    }

    /// Reserves what `model.fit` allocates: scaled copies of the data, row orders, a batch's
    /// activations, and the optimizer's state and best weights (as much again as the network).
    func reserveFit(_ model: Model<Double>, _ inputs: Matrix<Double>, _ targets: Matrix<Double>, batch: Int) throws(LuaError) {
        let rows = Double(inputs.rows), batchRows = min(rows, Double(max(batch, 1)))
        let data = Double(inputs.count) + Double(targets.count) + 2 * rows
        let activations = batchRows * (Double(inputs.columns) + model.network.activationScalarsPerRow(columns: inputs.columns, backward: true))
        try reserveMemory((data + activations) * 8 + 2 * Double(model.footprint), for: "fit on \(inputs.rows) rows")
    }
}
