import EditLineShim
import LuaBridge
import LuaShim

extension REPL {
    /// What running one chunk gave.
    struct Outcome {
        /// The results formatted and separated by tabs ("" for none), or the error with its traceback.
        var text: Result<String, Failure>
        /// How long running and formatting took.
        var elapsed: Duration
    }

    /// An error message, as `Result` needs an `Error`.
    struct Failure: Error {
        let message: String
    }

    /// Commands at least this long show their time after the result.
    static let slowCommand = Duration.milliseconds(500)

    /// Runs a chunk and formats its results for lines of `width` columns.
    func evaluate(_ source: String, width: Int = Self.lineWidth) -> Outcome {
        let start = ContinuousClock.now
        let base = lua_gettop(state.pointer)
        defer { lua_settop(state.pointer, base) }
        do {
            printer.pushFormatter(width: width)
            try state.load(source, chunkName: "=stdin")
            let count = try state.call()
            try state.call(arguments: count + 1)  // the width and the results
            let text = (try? LuaCall(state.pointer).string(-1)) ?? ""
            return Outcome(text: .success(text), elapsed: ContinuousClock.now - start)
        } catch {
            return Outcome(text: .failure(Failure(message: error.description)), elapsed: ContinuousClock.now - start)
        }
    }

    /// Prints results on standard output and errors on standard error, then the time if it was long.
    func show(_ outcome: Outcome) {
        switch outcome.text {
        case .success(let text) where !text.isEmpty: print(text)
        case .success: break
        case .failure(let failure): StandardError.write(failure.message + "\n")
        }
        if showsEveryTime || outcome.elapsed >= Self.slowCommand { print(Self.describe(outcome.elapsed)) }
    }

    /// `(1.23 s)`.
    static func describe(_ duration: Duration) -> String {
        let centiseconds = (duration / .milliseconds(10)).rounded()
        let whole = Int(centiseconds) / 100
        let fraction = Int(centiseconds) % 100
        return "(\(whole).\(fraction < 10 ? "0" : "")\(fraction) s)"
    }

    /// Columns for tables printed on one line: the terminal's, within reason.
    static var lineWidth: Int {
        let columns = Int(eshim_terminal_columns())
        return columns > 0 ? min(max(columns, 40), 160) : 80
    }
}
