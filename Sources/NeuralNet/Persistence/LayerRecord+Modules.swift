extension LayerRecord {
    /// The record of `module`, or nil for a module type the format does not know.
    init?<T: NNScalar>(_ module: Module<T>) {
        switch module {
        case let linear as Linear<T>:
            type = "Linear"
            inputs = linear.inputs
            outputs = linear.outputs
            initialization = linear.initialization
            weight = linear.weight.storage.map(Double.init)
            bias = linear.bias.storage.map(Double.init)
        case let dropout as Dropout<T>:
            type = "Dropout"
            probability = dropout.probability
        case let sequential as Sequential<T>:
            type = "Sequential"
            var children: [LayerRecord] = []
            for child in sequential.modules {
                guard let record = LayerRecord(child) else { return nil }
                children.append(record)
            }
            layers = children
        case is ReLU<T>: type = "ReLU"
        case is Tanh<T>: type = "Tanh"
        case is Sigmoid<T>: type = "Sigmoid"
        default: return nil
        }
    }

    /// The module this record describes; `position` names it in errors, e.g. `layer 2`.
    func module<T: NNScalar>(_: T.Type, position: String) throws(NeuralNetError) -> Module<T> {
        switch type {
        case "Linear": return try linear(position: position)
        case "Dropout":
            guard let probability else { throw .invalidArgument("\(position): missing 'probability'") }
            return try Dropout(probability)
        case "Sequential":
            let network = Sequential<T>()
            for (index, record) in (layers ?? []).enumerated() {
                try network.add(record.module(T.self, position: "\(position).\(index + 1)"))
            }
            return network
        case "ReLU": return ReLU()
        case "Tanh": return Tanh()
        case "Sigmoid": return Sigmoid()
        default: throw .invalidArgument("\(position): unknown layer type '\(type)'")
        }
    }

    private func linear<T: NNScalar>(position: String) throws(NeuralNetError) -> Linear<T> {
        guard let inputs, let outputs, let weight, let bias else {
            throw .invalidArgument("\(position): 'Linear' needs 'inputs', 'outputs', 'weight' and 'bias'")
        }
        let layer = try Linear<T>(inputs, outputs, initialization: initialization ?? .he)
        guard weight.count == inputs * outputs, bias.count == outputs else {
            throw .invalidArgument(
                "\(position): 'Linear(\(inputs) -> \(outputs))' has \(weight.count) weights and \(bias.count) biases")
        }
        layer.weight.storage = weight.map { T($0) }
        layer.bias.storage = bias.map { T($0) }
        return layer
    }
}

extension ScalerRecord {
    /// The record of `scaler`.
    init<T: NNScalar>(_ scaler: Scaler<T>) {
        kind = scaler.kind
        offsets = scaler.offsets.map(Double.init)
        scales = scaler.scales.map(Double.init)
    }

    /// The scaler this record describes.
    func scaler<T: NNScalar>(_: T.Type) throws(NeuralNetError) -> Scaler<T> {
        try Scaler(kind: kind, offsets: offsets.map { T($0) }, scales: scales.map { T($0) })
    }
}
