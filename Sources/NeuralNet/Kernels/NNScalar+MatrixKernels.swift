/// The default kernels: shape the result, take the matrices' addresses, run the pointer loops.
extension NNScalar {
    /// Default `linearForward`.
    public static func linearForward(input: Matrix<Self>, weight: Matrix<Self>, bias: Matrix<Self>, output: inout Matrix<Self>) {
        output.reshape(rows: input.rows, columns: weight.columns)
        input.read { x in weight.read { w in bias.read { b in output.write { y in
            linearForward(input: x, weight: w, bias: b, output: y, rows: input.rows, inputs: weight.rows, outputs: weight.columns)
        } } } }
    }

    /// Default `linearGradInput`.
    public static func linearGradInput(gradOutput: Matrix<Self>, weight: Matrix<Self>, gradInput: inout Matrix<Self>) {
        gradInput.reshape(rows: gradOutput.rows, columns: weight.rows)
        gradOutput.read { g in weight.read { w in gradInput.write { dx in
            linearGradInput(gradOutput: g, weight: w, gradInput: dx, rows: gradOutput.rows, inputs: weight.rows, outputs: weight.columns)
        } } }
    }

    /// Default `linearAccumulate`.
    public static func linearAccumulate(
        input: Matrix<Self>, gradOutput: Matrix<Self>, gradWeight: inout Matrix<Self>, gradBias: inout Matrix<Self>
    ) {
        let (rows, inputs, outputs) = (input.rows, gradWeight.rows, gradWeight.columns)
        input.read { x in gradOutput.read { g in gradWeight.write { dw in gradBias.write { db in
            linearAccumulate(input: x, gradOutput: g, gradWeight: dw, gradBias: db, rows: rows, inputs: inputs, outputs: outputs)
        } } } }
    }

    /// Default `dropoutForward`.
    public static func dropoutForward(
        input: Matrix<Self>, dropProbability: Double, noise: inout DropoutNoise, mask: inout Matrix<Self>,
        output: inout Matrix<Self>
    ) {
        mask.reshape(rows: input.rows, columns: input.columns)
        mask.write { m in dropoutMask(m, count: input.count, dropProbability: dropProbability, noise: &noise) }
        multiply(input, mask, result: &output)
    }

    /// Default `multiply`.
    public static func multiply(_ a: Matrix<Self>, _ b: Matrix<Self>, result: inout Matrix<Self>) {
        result.reshape(rows: a.rows, columns: a.columns)
        a.read { x in b.read { y in result.write { z in multiply(x, y, result: z, count: a.count) } } }
    }

    /// Default `lossValue`.
    public static func lossValue(_ loss: Loss, input: Matrix<Self>, target: Matrix<Self>) -> Self {
        var value: Self = 0
        input.read { x in target.read { y in value = lossValue(loss, input: x, target: y, count: input.count) } }
        return value
    }

    /// Default `lossGradient`.
    public static func lossGradient(_ loss: Loss, input: Matrix<Self>, target: Matrix<Self>, gradInput: inout Matrix<Self>) {
        gradInput.reshape(rows: input.rows, columns: input.columns)
        input.read { x in target.read { y in gradInput.write { dx in
            lossGradient(loss, input: x, target: y, gradInput: dx, count: input.count)
        } } }
    }

    /// Default `adamStep`.
    public static func adamStep(
        _ step: AdamStep, parameters: inout [Self], gradients: [Self], firstMoments: inout [Self],
        secondMoments: inout [Self]
    ) {
        let count = parameters.count
        parameters.withUnsafeMutableBufferPointer { p in gradients.withUnsafeBufferPointer { g in
            firstMoments.withUnsafeMutableBufferPointer { m in secondMoments.withUnsafeMutableBufferPointer { v in
                guard let p = p.baseAddress, let g = g.baseAddress, let m = m.baseAddress, let v = v.baseAddress else { return }
                adamStep(step, parameters: p, gradients: g, firstMoments: m, secondMoments: v, count: count)
            } }
        } }
    }

    /// Default `sgdStep`.
    public static func sgdStep(_ step: SGDStep, parameters: inout [Self], gradients: [Self], velocity: inout [Self]) {
        let count = parameters.count
        parameters.withUnsafeMutableBufferPointer { p in gradients.withUnsafeBufferPointer { g in
            velocity.withUnsafeMutableBufferPointer { v in
                guard let p = p.baseAddress, let g = g.baseAddress, let v = v.baseAddress else { return }
                sgdStep(step, parameters: p, gradients: g, velocity: v, count: count)
            }
        } }
    }
}
