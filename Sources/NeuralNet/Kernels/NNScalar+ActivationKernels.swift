extension NNScalar {
    /// Default `activationForward`.
    public static func activationForward(
        _ activation: Activation, input: UnsafePointer<Self>, output: UnsafeMutablePointer<Self>,
        count: Int
    ) {
        switch activation {
        case .relu:
            var i = 0
            while i + lanes <= count {
                let x = load(input + i)
                store(x.replacing(with: 0, where: x .< 0), output + i)
                i += lanes
            }
            while i < count {
                output[i] = input[i] < 0 ? 0 : input[i]
                i += 1
            }
        case .tanh:
            for i in 0..<count { output[i] = hyperbolicTangent(input[i]) }
        case .sigmoid:
            for i in 0..<count { output[i] = 1 / (1 + exponential(-input[i])) }
        }
    }

    /// Default `activationBackward`.
    public static func activationBackward(
        _ activation: Activation, input: UnsafePointer<Self>, output: UnsafePointer<Self>,
        gradOutput: UnsafePointer<Self>, gradInput: UnsafeMutablePointer<Self>, count: Int
    ) {
        switch activation {
        case .relu:
            var i = 0
            while i + lanes <= count {
                let g = load(gradOutput + i)
                store(g.replacing(with: 0, where: load(input + i) .<= 0), gradInput + i)
                i += lanes
            }
            while i < count {
                gradInput[i] = input[i] > 0 ? gradOutput[i] : 0
                i += 1
            }
        case .tanh:
            for i in 0..<count { gradInput[i] = gradOutput[i] * (1 - output[i] * output[i]) }
        case .sigmoid:
            for i in 0..<count { gradInput[i] = gradOutput[i] * output[i] * (1 - output[i]) }
        }
    }

    /// Default `dropoutMask`: 24 random bits per element against `p * 2^24`.
    public static func dropoutMask(
        _ mask: UnsafeMutablePointer<Self>, count: Int, dropProbability: Double,
        noise: inout DropoutNoise
    ) {
        let threshold = SIMD8<UInt32>(repeating: UInt32((dropProbability * 16_777_216).rounded()))
        let keep = Self(1 / (1 - dropProbability))
        var i = 0
        while i < count {
            let kept = (noise.next() &>> 8) .>= threshold
            for lane in 0..<Swift.min(8, count - i) {
                mask[i + lane] = kept[lane] ? keep : 0
            }
            i += 8
        }
    }
}
