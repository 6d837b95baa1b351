import LuaBridge
import NeuralNet

/// The `Sequential` userdata: a network with its scalers and loss history.
enum SequentialClass {
    static let methods: [LuaMethod<SequentialObject>] = [
        LuaMethod("add", "model:add(layer) -> model", "Appends a layer (or another Sequential), in the model's mode.") { call, object in
            let layer = try call.module(at: 2)
            _ = try NNErrors.run { () throws(NeuralNetError) in try object.model.network.add(layer) }
            return call.returnSelf()
        },
        LuaMethod("forward", "model:forward(x) -> Matrix", "Predictions for the rows of x (a Matrix or a table of rows), in target units when fit scaled the data; dropout is active in training mode (Monte-Carlo dropout), so call model:evaluate() first for plain predictions.") { call, object in
            let input = try call.matrix(at: 2)
            try call.checkNotTraining(object.model.network)
            try call.reserveForward(object.model, input)
            call.push(try NNErrors.run { () throws(NeuralNetError) in try object.model.predict(input) })
            return 1
        },
        LuaMethod("fit", "model:fit(X, Y [, options]) -> history", "Trains on the rows of X and Y; returns {train = {...}, val = {...}, best_epoch = n, stopped = 'completed' | 'early_stopping' | 'callback'} and leaves the model in evaluation mode. Options (defaults): epochs=200, batch=32, optimizer='adam' ('sgd' with momentum, nesterov), lr=1e-3 (sgd 1e-2), weight_decay=0, beta1, beta2, eps, loss='mse' ('mae', 'huber' with delta=1), validation=0.1, split='last' ('random'), shuffle=true, patience (none), restore_best=true, seed=1, scale_inputs and scale_targets ('none', 'minmax', 'standard'), progress=function(epoch, train, val) (return false to stop), precision='float64' ('float32' computes in single precision, about twice as fast, and keeps the weights in float64 as before).", returns: "FitHistory") { call, object in
            try Fitting.fit(call, object)
        },
        LuaMethod("evaluate", "model:evaluate() -> model", "Evaluation mode: dropout off.") { call, object in
            try call.checkNotTraining(object.model.network)
            object.model.network.evaluate()
            return call.returnSelf()
        },
        LuaMethod("training", "model:training() -> model", "Training mode: dropout on.") { call, object in
            try call.checkNotTraining(object.model.network)
            object.model.network.training()
            return call.returnSelf()
        },
        LuaMethod("reset", "model:reset([seed]) -> model", "Draws new initial weights for every layer from seed (default: the next layer seed).") { call, object in
            let seed = call.isNoneOrNil(2) ? call.layerSeeds.next() : UInt64(clamping: try call.integer(2))
            try call.checkNotTraining(object.model.network)
            object.model.network.reset(seed: seed)
            return call.returnSelf()
        },
        LuaMethod("parameters", "model:parameters() -> integer", "The number of trainable weights and biases.") { call, object in
            call.push(object.model.network.parameterCount)
            return 1
        },
        LuaMethod("history", "model:history() -> history | nil", "The loss history of the last fit (kept in saved files), or nil.") { call, object in
            guard let history = object.model.history else { return 0 }
            Fitting.push(history, call)
            return 1
        },
        LuaMethod("save", "model:save(path) -> true | nil, message", "Writes the model (layers, weights, scalers, training settings, history) as versioned JSON, atomically; nn.load reads it back.") { call, object in
            if let message = try call.writeOutput(try call.string(2), { file in try object.model.save(into: file) }) {
                return call.failure(message)
            }
            call.push(true)
            return 1
        },
    ]

    static let registration = LuaClass<SequentialObject>(
        summary: "A network of layers applied in order, trained with fit and saved with save.",
        methods: methods,
        describe: { $0.model.description },
        length: { $0.model.network.modules.count })
}
