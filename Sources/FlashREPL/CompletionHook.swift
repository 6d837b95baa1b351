import EditLineShim
import LuaBridge
import Synchronization

/// Connects libedit's Tab completion to a Lua state.
///
/// libedit calls the provider through a C function pointer, which cannot capture anything, so the
/// REPL publishes its state here for the time it reads lines.
enum CompletionHook {
    /// The state being completed; only the REPL's own thread uses it, from inside libedit.
    struct Target: @unchecked Sendable {
        let state: LuaState
    }

    static let target = Mutex<Target?>(nil)

    /// Makes Tab complete names of `state` while `body` runs.
    static func completing<Result>(_ state: LuaState, _ body: () -> Result) -> Result {
        target.withLock { $0 = Target(state: state) }
        defer { target.withLock { $0 = nil } }
        eshim_set_completion(provide)
        return body()
    }

    private static let provide: eshim_CompletionProvider = { text, before in
        guard let text else { return }
        let word = String(cString: text)
        let line = before.map { String(cString: $0) } ?? ""
        let candidates = target.withLock { target in
            target.map { Completer(state: $0.state).candidates(for: word, after: line) } ?? []
        }
        for candidate in candidates { eshim_add_completion(candidate) }
    }
}
