extension NNScalar {
    /// The pointer kernel of `linearForward`: blocks of four rows by one vector of columns, so that
    /// each weight vector loaded feeds four fused multiply-adds; one dot product per row when the
    /// layer has a single output (the weight column is then contiguous).
    static func linearForward(
        input: UnsafePointer<Self>, weight: UnsafePointer<Self>, bias: UnsafePointer<Self>,
        output: UnsafeMutablePointer<Self>, rows: Int, inputs: Int, outputs: Int
    ) {
        if outputs == 1 {
            for row in 0..<rows { output[row] = dot(input + row * inputs, weight, count: inputs) + bias[0] }
            return
        }
        let vectorEnd = outputs - outputs % lanes
        var row = 0
        while row + 4 <= rows {
            let x = input + row * inputs
            let y = output + row * outputs
            var column = 0
            while column < vectorEnd {
                let b = load(bias + column)
                var a0 = b, a1 = b, a2 = b, a3 = b
                // pointers step through the loop so that no index is recomputed (or overflow-checked)
                var w = weight + column, x0 = x, x1 = x + inputs, x2 = x1 + inputs, x3 = x2 + inputs
                for _ in 0..<inputs {
                    let wv = load(w)
                    a0 = a0.addingProduct(splat(x0.pointee), wv)
                    a1 = a1.addingProduct(splat(x1.pointee), wv)
                    a2 = a2.addingProduct(splat(x2.pointee), wv)
                    a3 = a3.addingProduct(splat(x3.pointee), wv)
                    w += outputs
                    x0 += 1
                    x1 += 1
                    x2 += 1
                    x3 += 1
                }
                store(a0, y + column)
                store(a1, y + outputs + column)
                store(a2, y + 2 * outputs + column)
                store(a3, y + 3 * outputs + column)
                column += lanes
            }
            for r in 0..<4 {
                linearForwardTail(x + r * inputs, weight, bias, y + r * outputs, vectorEnd, inputs, outputs)
            }
            row += 4
        }
        while row < rows {
            let x = input + row * inputs
            let y = output + row * outputs
            var column = 0
            while column < vectorEnd {
                var a = load(bias + column)
                for k in 0..<inputs {
                    a = a.addingProduct(splat(x[k]), load(weight + k * outputs + column))
                }
                store(a, y + column)
                column += lanes
            }
            linearForwardTail(x, weight, bias, y, vectorEnd, inputs, outputs)
            row += 1
        }
    }

    /// The columns of one output row past the last whole vector.
    @inline(__always) static func linearForwardTail(
        _ x: UnsafePointer<Self>, _ weight: UnsafePointer<Self>, _ bias: UnsafePointer<Self>,
        _ y: UnsafeMutablePointer<Self>, _ start: Int, _ inputs: Int, _ outputs: Int
    ) {
        for column in start..<outputs {
            var sum = bias[column]
            for k in 0..<inputs { sum = sum.addingProduct(x[k], weight[k * outputs + column]) }
            y[column] = sum
        }
    }

    /// The pointer kernel of `linearGradInput`: one dot product per element, or a scaled copy of
    /// the weight column when the layer has a single output.
    static func linearGradInput(
        gradOutput: UnsafePointer<Self>, weight: UnsafePointer<Self>,
        gradInput: UnsafeMutablePointer<Self>, rows: Int, inputs: Int, outputs: Int
    ) {
        if outputs == 1 {
            for row in 0..<rows {
                scaledCopy(weight, by: gradOutput[row], into: gradInput + row * inputs, count: inputs)
            }
            return
        }
        for row in 0..<rows {
            let g = gradOutput + row * outputs
            for k in 0..<inputs {
                gradInput[row * inputs + k] = dot(g, weight + k * outputs, count: outputs)
            }
        }
    }

    /// The pointer kernel of `linearAccumulate`: blocks of four weight rows by one vector of
    /// columns; with a single output, each input row scaled by its gradient is added to the weights.
    static func linearAccumulate(
        input: UnsafePointer<Self>, gradOutput: UnsafePointer<Self>,
        gradWeight: UnsafeMutablePointer<Self>, gradBias: UnsafeMutablePointer<Self>,
        rows: Int, inputs: Int, outputs: Int
    ) {
        if outputs == 1 {
            for row in 0..<rows {
                addScaled(input + row * inputs, by: gradOutput[row], into: gradWeight, count: inputs)
                gradBias[0] += gradOutput[row]
            }
            return
        }
        let vectorEnd = outputs - outputs % lanes
        var column = 0
        while column < vectorEnd {
            var k = 0
            while k + 4 <= inputs {
                let gw = gradWeight + k * outputs + column
                var a0 = load(gw), a1 = load(gw + outputs)
                var a2 = load(gw + 2 * outputs), a3 = load(gw + 3 * outputs)
                var gradient = gradOutput + column, x = input + k
                for _ in 0..<rows {
                    let g = load(gradient)
                    a0 = a0.addingProduct(splat(x[0]), g)
                    a1 = a1.addingProduct(splat(x[1]), g)
                    a2 = a2.addingProduct(splat(x[2]), g)
                    a3 = a3.addingProduct(splat(x[3]), g)
                    gradient += outputs
                    x += inputs
                }
                store(a0, gw)
                store(a1, gw + outputs)
                store(a2, gw + 2 * outputs)
                store(a3, gw + 3 * outputs)
                k += 4
            }
            while k < inputs {
                var a = load(gradWeight + k * outputs + column)
                for row in 0..<rows {
                    a = a.addingProduct(splat(input[row * inputs + k]), load(gradOutput + row * outputs + column))
                }
                store(a, gradWeight + k * outputs + column)
                k += 1
            }
            column += lanes
        }
        for column in vectorEnd..<outputs {
            for k in 0..<inputs {
                var sum = gradWeight[k * outputs + column]
                for row in 0..<rows {
                    sum = sum.addingProduct(input[row * inputs + k], gradOutput[row * outputs + column])
                }
                gradWeight[k * outputs + column] = sum
            }
        }
        for row in 0..<rows {
            add(gradOutput + row * outputs, into: gradBias, count: outputs)
        }
    }
}
