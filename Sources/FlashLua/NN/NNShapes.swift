import LuaBridge

/// The tables the nn library returns, declared for the REPL's completion (`model:fit(X, Y).`).
enum NNShapes {
    /// `model:fit`: the loss per epoch and why training stopped.
    static let history = LuaShape("FitHistory", fields: [
        "train": "table", "val": "table", "best_epoch": "number", "stopped": "string",
    ])
    static let all = [history]
}
