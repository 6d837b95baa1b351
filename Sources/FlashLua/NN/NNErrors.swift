import LuaBridge
import NeuralNet

/// Turns the network's errors into Lua errors with the same message.
enum NNErrors {
    /// Runs `body`; a `NeuralNetError` is raised as a Lua error (`script.lua:7: layer 1 ...`).
    static func run<T>(_ body: () throws(NeuralNetError) -> T) throws(LuaError) -> T {
        do { return try body() } catch { throw .message(error.description) }
    }
}

extension LuaCall {
    /// Throws while a `fit` trains the module (its progress callback runs Lua): the model is frozen.
    func checkNotTraining(_ module: Module<Double>) throws(LuaError) {
        guard !module.isFrozen else { throw .message(NeuralNetError.frozen.description) }
    }

    /// Returns the method's `self` (argument 1) as its only result, for chaining.
    func returnSelf() -> Int32 {
        pop(count - 1)  // leave only self on the stack
        return 1
    }
}
