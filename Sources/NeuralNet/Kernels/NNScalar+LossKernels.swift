extension NNScalar {
    /// The pointer kernel of `lossValue`.
    static func lossValue(
        _ loss: Loss, input: UnsafePointer<Self>, target: UnsafePointer<Self>, count: Int
    ) -> Self {
        var sum: Self = 0
        switch loss {
        case .mse:
            for i in 0..<count {
                let d = input[i] - target[i]
                sum = sum.addingProduct(d, d)
            }
        case .mae:
            for i in 0..<count { sum += Swift.abs(input[i] - target[i]) }
        case .huber(let delta):
            let delta = Self(delta)
            for i in 0..<count {
                let d = Swift.abs(input[i] - target[i])
                sum += d <= delta ? d * d / 2 : delta * (d - delta / 2)
            }
        }
        return sum / Self(count)
    }

    /// The pointer kernel of `lossGradient`.
    static func lossGradient(
        _ loss: Loss, input: UnsafePointer<Self>, target: UnsafePointer<Self>,
        gradInput: UnsafeMutablePointer<Self>, count: Int
    ) {
        let scale = 1 / Self(count)
        switch loss {
        case .mse:
            for i in 0..<count { gradInput[i] = 2 * scale * (input[i] - target[i]) }
        case .mae:
            for i in 0..<count { gradInput[i] = scale * sign(input[i] - target[i]) }
        case .huber(let delta):
            let delta = Self(delta)
            for i in 0..<count {
                let d = input[i] - target[i]
                gradInput[i] = scale * (Swift.abs(d) <= delta ? d : delta * sign(d))
            }
        }
    }

    /// -1, 0 or 1.
    @inline(__always) static func sign(_ x: Self) -> Self { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}
