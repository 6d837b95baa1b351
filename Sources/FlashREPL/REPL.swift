import EditLineShim
import Glibc
import LuaBridge
import LuaShim

/// The interactive read-eval-print loop, modelled on lua.c: expressions print without `=`,
/// incomplete chunks continue on a `>> ` prompt, Ctrl-C interrupts the running code, Ctrl-D quits.
public struct REPL {
    let state: LuaState
    let historyPath: String?
    let banner: String

    /// Creates a REPL over `state`, keeping history in `historyPath` (nil: no history file).
    public init(state: LuaState, historyPath: String? = REPL.defaultHistoryPath, banner: String) {
        self.state = state
        self.historyPath = historyPath
        self.banner = banner
    }

    /// `~/.flashcast_history`, or nil without a home folder.
    public static var defaultHistoryPath: String? {
        getenv("HOME").map { String(cString: $0) + "/.flashcast_history" }
    }

    /// Runs until end of input; returns the exit status.
    public func run() -> Int32 {
        guard isatty(STDIN_FILENO) != 0 else { return runStandardInput() }
        print(banner)
        if let historyPath { _ = eshim_read_history(historyPath) }
        eshim_stifle_history(1000)
        while let chunk = readChunk() {
            evaluate(chunk)
        }
        print()
        return 0
    }

    /// Runs standard input as one script, as `lua -` does.
    func runStandardInput() -> Int32 {
        var source = ""
        while let line = Swift.readLine(strippingNewline: false) { source += line }
        do {
            try state.load(source, chunkName: "=stdin")
            try withInterrupts { () throws(LuaScriptError) in try state.call() }
            return 0
        } catch {
            printError(error)
            return 1
        }
    }

    /// Reads one complete chunk: `return <line>` if that compiles, else lines until the chunk is complete.
    func readChunk() -> String? {
        guard var source = readLine(prompt: "> ") else { return nil }
        if source.hasPrefix("=") { source = "return " + source.dropFirst() }
        defer { remember(source) }
        if (try? state.load("return " + source, chunkName: "=stdin")) != nil {
            lua_settop(state.pointer, lua_gettop(state.pointer) - 1)  // drop the compiled chunk
            return "return " + source
        }
        while case .incomplete = compileStatus(source), let more = readLine(prompt: ">> ") {
            source += "\n" + more
        }
        return source
    }

    enum CompileStatus { case complete, incomplete }

    func compileStatus(_ source: String) -> CompileStatus {
        do {
            try state.load(source, chunkName: "=stdin")
            lua_settop(state.pointer, lua_gettop(state.pointer) - 1)  // drop the compiled chunk
            return .complete
        } catch {
            return error.message.hasSuffix("<eof>") ? .incomplete : .complete
        }
    }

    func remember(_ source: String) {
        guard !source.allSatisfy(\.isWhitespace) else { return }
        eshim_add_history(source)
        if let historyPath { _ = eshim_write_history(historyPath) }
    }

    func readLine(prompt: String) -> String? {
        guard let line = eshim_readline(prompt) else { return nil }
        defer { free(line) }
        return String(cString: line)
    }

    /// Runs the chunk and prints its results, or the error with its traceback.
    func evaluate(_ source: String) {
        do {
            let results = try withInterrupts { () throws(LuaScriptError) in
                try state.execute(source, chunkName: "=stdin")
            }
            if !results.isEmpty { print(results.joined(separator: "\t")) }
        } catch {
            printError(error)
        }
    }

    @discardableResult
    func withInterrupts<T>(_ body: () throws(LuaScriptError) -> T) throws(LuaScriptError) -> T {
        lshim_catch_sigint(state.pointer)
        defer {
            lshim_catch_sigint(nil)
            state.interruptHandle.clear()
        }
        return try body()
    }

    func printError(_ error: LuaScriptError) {
        StandardError.write(error.description + "\n")
    }
}
