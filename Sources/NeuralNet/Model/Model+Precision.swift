extension Model {
    /// Fits as `fit(inputs:targets:options:progress:)` does, computing in precision `U`: a copy of
    /// the network in `U` trains, then its weights and scalers come back into this model (the
    /// network stays frozen meanwhile). `Float` trains the paper's network about twice as fast as
    /// `Double`; its losses and weights differ by `Float`'s rounding. A network with layers the
    /// model file does not know trains only in its own precision.
    public func fit<U: NNScalar>(
        in _: U.Type, inputs: Matrix<T>, targets: Matrix<T>, options: TrainingOptions = TrainingOptions(),
        progress: (EpochReport) -> TrainingControl = { _ in .proceed }
    ) throws(NeuralNetError) -> TrainingHistory {
        if U.self == T.self { return try fit(inputs: inputs, targets: targets, options: options, progress: progress) }
        guard !network.isFrozen else { throw .frozen }
        guard let record = LayerRecord(network),
              let copy = try record.module(U.self, position: "network") as? Sequential<U> else {
            throw .invalidArgument("a network with custom layers trains only in \(T.precisionName)")
        }
        try inputs.checkFinite("inputs")
        try targets.checkFinite("targets")
        let trained = Model<U>(copy)
        network.setFrozen(true)
        let history: TrainingHistory
        do {
            defer { network.setFrozen(false) }
            history = try trained.fit(inputs: inputs.converted(to: U.self), targets: targets.converted(to: U.self),
                                      options: options, progress: progress)
        }
        var values: [[U]] = []
        copy.forEachParameter { weights, _ in values.append(weights) }
        var next = 0
        network.forEachParameter { weights, _ in
            weights = values[next].map(T.init)
            next += 1
        }
        network.setTraining(copy.isTraining)
        inputScaler = try trained.inputScaler.map { scaler throws(NeuralNetError) in try scaler.converted(to: T.self) }
        targetScaler = try trained.targetScaler.map { scaler throws(NeuralNetError) in try scaler.converted(to: T.self) }
        trainingOptions = options
        self.history = history
        return history
    }
}

extension Scaler {
    /// The same scaler in another precision.
    func converted<U: NNScalar>(to _: U.Type) throws(NeuralNetError) -> Scaler<U> {
        try Scaler<U>(kind: kind, offsets: offsets.map(U.init), scales: scales.map(U.init))
    }
}
