extension NNScalar {
    /// The pointer kernel of `adamStep`.
    static func adamStep(
        _ step: AdamStep, parameters: UnsafeMutablePointer<Self>, gradients: UnsafePointer<Self>,
        firstMoments: UnsafeMutablePointer<Self>, secondMoments: UnsafeMutablePointer<Self>,
        count: Int
    ) {
        let beta1 = splat(Self(step.beta1)), rest1 = splat(Self(1 - step.beta1))
        let beta2 = splat(Self(step.beta2)), rest2 = splat(Self(1 - step.beta2))
        let decay = splat(Self(step.weightDecay)), epsilon = splat(Self(step.epsilon))
        // multiplying by 1 / sqrt(1 - beta2^t) instead of dividing leaves one division per element
        let inverseRoot = splat(Self(1 / step.biasCorrection2Root)), size = splat(Self(step.stepSize))
        var i = 0
        while i + lanes <= count {
            let p = load(parameters + i)
            let g = load(gradients + i).addingProduct(decay, p)
            let m = beta1 * load(firstMoments + i) + rest1 * g
            let v = beta2 * load(secondMoments + i) + rest2 * (g * g)
            store(m, firstMoments + i)
            store(v, secondMoments + i)
            store(p - size * m / epsilon.addingProduct(v.squareRoot(), inverseRoot), parameters + i)
            i += lanes
        }
        while i < count {
            let p = parameters[i]
            let g = gradients[i].addingProduct(Self(step.weightDecay), p)
            let m = Self(step.beta1) * firstMoments[i] + Self(1 - step.beta1) * g
            let v = Self(step.beta2) * secondMoments[i] + Self(1 - step.beta2) * (g * g)
            firstMoments[i] = m
            secondMoments[i] = v
            let denominator = Self(step.epsilon).addingProduct(v.squareRoot(), Self(1 / step.biasCorrection2Root))
            parameters[i] = p - Self(step.stepSize) * m / denominator
            i += 1
        }
    }

    /// The pointer kernel of `sgdStep`.
    static func sgdStep(
        _ step: SGDStep, parameters: UnsafeMutablePointer<Self>, gradients: UnsafePointer<Self>,
        velocity: UnsafeMutablePointer<Self>, count: Int
    ) {
        let rate = Self(step.learningRate), momentum = Self(step.momentum)
        let decay = Self(step.weightDecay), damped = Self(1 - step.dampening)
        for i in 0..<count {
            var g = gradients[i].addingProduct(decay, parameters[i])
            if step.momentum != 0 {
                velocity[i] = step.isFirst ? g : momentum * velocity[i] + damped * g
                g = step.nesterov ? g.addingProduct(momentum, velocity[i]) : velocity[i]
            }
            parameters[i] -= rate * g
        }
    }
}
