import LuaBridge
import NeuralNet

/// The `nn` library: Torch7-style networks, `nn.Sequential():add(nn.Linear(60, 64)):add(nn.ReLU())`.
enum NNLibrary {
    static let sequential = LuaLibraryFunction(
        "Sequential", "nn.Sequential() -> model", "An empty network; add layers with model:add(layer).", returns: "Sequential"
    ) { call in
        call.push(SequentialObject(Model(Sequential<Double>())))
        return 1
    }

    /// `nn.Linear(60, 64)`, `nn.ReLU()`, `nn.Dropout(0.2)`...: a constructor for each registered layer type.
    static let layers = Layers.constructors.map(constructor(for:))

    private static func constructor(for layer: LayerConstructor) -> LuaLibraryFunction {
        LuaLibraryFunction(layer.name, layer.signature, layer.summary, returns: "Module") { call in
            var values: [LayerConstructor.Value] = []
            for (offset, argument) in layer.arguments.enumerated() {
                values.append(try value(of: argument, at: Int32(offset + 1), call))
            }
            let bytes = layer.bytes(values)
            if bytes > 0 {
                let sizes = values.compactMap { if case .integer(let size) = $0 { String(size) } else { nil } }
                try call.reserveMemory(bytes, for: "nn.\(layer.name)(\(sizes.joined(separator: ", ")))")
            }
            let seeds = call.layerSeeds
            call.push(layer: try NNErrors.run { () throws(NeuralNetError) in try layer.make(values) { seeds.next() } })
            return 1
        }
    }

    /// The argument at `position`, checked for its kind.
    private static func value(of argument: LayerConstructor.Argument, at position: Int32, _ call: LuaCall) throws(LuaError)
        -> LayerConstructor.Value
    {
        switch argument.kind {
        case .size:
            let size = try call.integer(position)
            guard size > 0 else { throw LuaError.argument(position: position, message: "must be positive, got \(size)") }
            return .integer(size)
        case .probability(let fallback):
            let p = try call.number(position, default: fallback)
            guard p >= 0, p < 1 else { throw LuaError.argument(position: position, message: "must be in [0, 1), got \(p)") }
            return .number(p)
        case .choice(let names):
            let name = try call.string(position, default: names[0])
            guard names.contains(name) else {
                let quoted = names.map { "'\($0)'" }
                let list = quoted.dropLast().joined(separator: ", ") + (quoted.count > 1 ? " or " : "") + (quoted.last ?? "")
                throw LuaError.argument(position: position, message: "must be \(list), got '\(name)'")
            }
            return .name(name)
        }
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
        "Training rows from a Series (or an array of numbers): row i of X holds values i..i+width-1, row i of Y the horizon (default 1) values after them.", returns: "Matrix"
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
        "load", "nn.load(path) -> model | nil, message", "Reads a model written by model:save, in evaluation mode.", returns: "Sequential"
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
        functions: [sequential] + layers + [matrix, windows, load, seed],
        classes: [SequentialClass.registration, ModuleClass.registration, MatrixClass.registration],
        shapes: NNShapes.all)
}
