import LuaBridge
import NeuralNet

/// The `Module` userdata (one layer): `layer:forward(x)`, `layer:evaluate()`, `layer:training()`,
/// `tostring(layer)` = `Linear(60 -> 64)`.
enum ModuleClass {
    static let methods: [LuaMethod<ModuleObject>] = [
        LuaMethod("forward", "layer:forward(x) -> Matrix", "The layer's output for the rows of x (a Matrix or a table of rows).") { call, layer in
            let input = try call.matrix(at: 2)
            try call.checkNotTraining(layer.module)
            call.push(try NNErrors.run { () throws(NeuralNetError) in try layer.module.forward(input) })
            return 1
        },
        LuaMethod("evaluate", "layer:evaluate() -> layer", "Evaluation mode: dropout off.") { call, layer in
            try call.checkNotTraining(layer.module)
            layer.module.evaluate()
            return call.returnSelf()
        },
        LuaMethod("training", "layer:training() -> layer", "Training mode: dropout on.") { call, layer in
            try call.checkNotTraining(layer.module)
            layer.module.training()
            return call.returnSelf()
        },
    ]

    static let registration = LuaClass<ModuleObject>(
        summary: "One layer (" + Layers.constructors.map { "nn.\($0.name)" }.joined(separator: ", ")
            + "), added to a Sequential.",
        methods: methods,
        describe: { $0.module.description })
}
