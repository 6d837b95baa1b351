import LuaBridge
import NeuralNet

/// The `nn` library: Torch7-style networks, `nn.Sequential():add(nn.Linear(60, 64)):add(nn.ReLU())`.
enum NNLibrary {
    static let sequential = LuaLibraryFunction(
        "Sequential", "nn.Sequential() -> model", "An empty network; add layers with model:add(layer)."
    ) { call in
        call.push(SequentialObject(Model(Sequential<Double>())))
        return 1
    }

    static let linear = LuaLibraryFunction(
        "Linear", "nn.Linear(inputs, outputs [, init]) -> layer",
        "A fully connected layer; init is 'he' (default, for ReLU) or 'xavier' (for Tanh and Sigmoid), drawn from the layer seeds (nn.seed)."
    ) { call in
        let inputs = try call.integer(1), outputs = try call.integer(2)
        let name = try call.string(3, default: WeightInitialization.he.rawValue)
        guard let initialization = WeightInitialization(rawValue: name) else {
            throw LuaError.argument(position: 3, message: "must be 'he' or 'xavier', got '\(name)'")
        }
        guard inputs > 0 else { throw LuaError.argument(position: 1, message: "must be positive, got \(inputs)") }
        guard outputs > 0 else { throw LuaError.argument(position: 2, message: "must be positive, got \(outputs)") }
        // weights and biases, their gradients and the optimizer's two moments
        try call.reserveMemory((Double(inputs) + 1) * Double(outputs) * 4 * 8, for: "nn.Linear(\(inputs), \(outputs))")
        call.push(layer: try NNErrors.run { () throws(NeuralNetError) in
            try Linear(inputs, outputs, initialization: initialization, seed: call.layerSeeds.next())
        })
        return 1
    }

    /// `nn.ReLU()`, `nn.Tanh()`, ...: a constructor for each registered activation.
    static let activations = Activations.registered.map { constructor(of: $0) }

    private static func constructor<F: ActivationFunction>(of _: F.Type) -> LuaLibraryFunction {
        LuaLibraryFunction(F.name, "nn.\(F.name)() -> layer", F.summary) { call in
            call.push(layer: ActivationLayer<Double, F>())
            return 1
        }
    }

    static let dropout = LuaLibraryFunction(
        "Dropout", "nn.Dropout([p]) -> layer",
        "Zeroes each value with probability p (default 0.5) in training mode and scales the rest by 1 / (1 - p); the identity in evaluation mode."
    ) { call in
        let p = try call.number(1, default: 0.5)
        guard p >= 0, p < 1 else { throw LuaError.argument(position: 1, message: "must be in [0, 1), got \(p)") }
        call.push(layer: try NNErrors.run { () throws(NeuralNetError) in try Dropout(p, seed: call.layerSeeds.next()) })
        return 1
    }

    static let matrix = LuaLibraryFunction(
        "matrix", "nn.matrix(rows) -> Matrix",
        "A Matrix from a table of rows ({{1, 2}, {3, 4}}) or of numbers ({1, 2, 3}: one column)."
    ) { call in
        call.push(try call.matrix(at: 1))
        return 1
    }

    static let windows = LuaLibraryFunction(
        "windows", "nn.windows(series, width [, horizon]) -> X, Y",
        "Training rows from a Series (or an array of numbers): row i of X holds values i..i+width-1, row i of Y the horizon (default 1) values after them."
    ) { call in
        let values = try call.series(at: 1).values
        let width = try call.integer(2), horizon = try call.integer(3, default: 1)
        guard width > 0 else { throw LuaError.argument(position: 2, message: "must be positive, got \(width)") }
        guard horizon > 0 else { throw LuaError.argument(position: 3, message: "must be positive, got \(horizon)") }
        let rows = max(0, Double(values.count) - Double(width) - Double(horizon) + 1)
        try call.reserveMemory(rows * (Double(width) + Double(horizon)) * 8, for: "nn.windows of width \(width)")
        let (inputs, targets) = try NNErrors.run { () throws(NeuralNetError) in
            try Matrix.windows(of: values, width: width, horizon: horizon)
        }
        call.push(inputs)
        call.push(targets)
        return 2
    }

    static let load = LuaLibraryFunction(
        "load", "nn.load(path) -> model | nil, message", "Reads a model written by model:save, in evaluation mode."
    ) { call in
        let path = try call.readablePath(1)
        do throws(ModelFileError) {
            call.push(SequentialObject(try Model<Double>.load(from: path)))
        } catch {
            return call.failure(error.description)
        }
        return 1
    }

    static let seed = LuaLibraryFunction(
        "seed", "nn.seed(n)", "Restarts the generator new layers draw their initial weights from (seeded 1 when the state starts)."
    ) { call in
        let value = try call.integer(1)
        call.state?.hostValues[LayerSeeds.hostKey] = LayerSeeds(seed: UInt64(bitPattern: Int64(value)))
        return 0
    }

    static let library = LuaLibrary(
        name: "nn", summary: "Neural networks in Torch7's style: layers, Sequential, fit, save and load.",
        functions: [sequential, linear] + activations + [dropout, matrix, windows, load, seed],
        classes: [SequentialClass.registration, ModuleClass.registration, MatrixClass.registration])
}
