import LuaBridge
import NeuralNet

/// Reads the options table of `model:fit(X, Y, options)` into `TrainingOptions`.
enum FitOptions {
    static let keys: Set<String> = [
        "epochs", "batch", "lr", "optimizer", "momentum", "nesterov", "weight_decay", "beta1", "beta2", "eps",
        "loss", "delta", "validation", "split", "shuffle", "patience", "restore_best", "seed", "scale_inputs",
        "scale_targets", "progress", "precision",
    ]

    /// The training options at argument `position`; every key has the default of `TrainingOptions`.
    static func read(_ call: LuaCall, at position: Int32) throws(LuaError) -> TrainingOptions {
        let table = try LuaOptions(call, at: position)
        try table.allow(keys)
        var options = TrainingOptions()
        options.epochs = try table.integer("epochs", atLeast: 1, default: options.epochs)
        options.batchSize = try table.integer("batch", atLeast: 1, default: options.batchSize)
        options.optimizer = try optimizer(table)
        options.loss = try loss(table)
        options.validationFraction = try table.number("validation", default: options.validationFraction)
        guard options.validationFraction >= 0, options.validationFraction < 1 else {
            throw table.error("validation", "must be in [0, 1), got \(options.validationFraction)")
        }
        let split = try table.choice("split", ValidationSplit.allCases.map(\.rawValue), default: "last")
        options.validationSplit = ValidationSplit(rawValue: split) ?? .last
        options.shuffle = try table.boolean("shuffle", default: options.shuffle)
        if table.has("patience") { options.patience = try table.integer("patience", atLeast: 1, default: 1) }
        options.restoreBestWeights = try table.boolean("restore_best", default: options.restoreBestWeights)
        options.seed = UInt64(try table.integer("seed", atLeast: 0, default: Int(options.seed)))
        options.inputScaling = try scaling(table, "scale_inputs")
        options.targetScaling = try scaling(table, "scale_targets")
        return options
    }

    /// Whether the `precision` option asks for `float32` (the default is `float64`, the model's own).
    static func inFloat32(_ call: LuaCall, at position: Int32) throws(LuaError) -> Bool {
        try LuaOptions(call, at: position).choice("precision", ["float64", "float32"], default: "float64") == "float32"
    }

    private static func optimizer(_ table: LuaOptions) throws(LuaError) -> Optimizer {
        let name = try table.choice("optimizer", ["adam", "sgd"], default: "adam")
        let decay = try table.number("weight_decay", default: 0)
        guard decay >= 0 else { throw table.error("weight_decay", "must not be negative") }
        if name == "sgd" {
            let momentum = try table.number("momentum", default: 0)
            guard momentum >= 0 else { throw table.error("momentum", "must not be negative") }
            return .sgd(config: SGDConfig(
                learningRate: try table.positive("lr", default: 1e-2), momentum: momentum,
                nesterov: try table.boolean("nesterov", default: false), weightDecay: decay))
        }
        return .adam(config: AdamConfig(
            learningRate: try table.positive("lr", default: 1e-3), beta1: try table.number("beta1", default: 0.9),
            beta2: try table.number("beta2", default: 0.999), epsilon: try table.positive("eps", default: 1e-8),
            weightDecay: decay))
    }

    private static func loss(_ table: LuaOptions) throws(LuaError) -> Loss {
        switch try table.choice("loss", ["mse", "mae", "huber"], default: "mse") {
        case "mae": return .mae
        case "huber": return .huber(delta: try table.positive("delta", default: 1))
        default: return .mse
        }
    }

    private static func scaling(_ table: LuaOptions, _ key: String) throws(LuaError) -> ScalerKind? {
        switch try table.choice(key, ["none", "minmax", "standard"], default: "none") {
        case "minmax": return .minMax
        case "standard": return .standard
        default: return nil
        }
    }
}
