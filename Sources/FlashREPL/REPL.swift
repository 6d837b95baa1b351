import EditLineShim
import Glibc
import LuaBridge
import LuaShim

/// The interactive read-eval-print loop, modelled on lua.c: expressions print without `=`,
/// incomplete chunks continue on a `>> ` prompt, Tab completes names, Ctrl-C interrupts the running
/// code (or cancels the line being typed), Ctrl-D quits.
public struct REPL {
    let state: LuaState
    let historyPath: String?
    let banner: String
    let printer: ResultPrinter
    /// Whether every command shows its time, not only the slow ones.
    let showsEveryTime: Bool

    /// Creates a REPL over `state`, keeping history in `historyPath` (nil: no history file); an empty
    /// banner prints nothing.
    /// - Parameter showsEveryTime: show every command's time (a live sale's session), not only from 0.5 s.
    public init(state: LuaState, historyPath: String? = REPL.defaultHistoryPath, banner: String,
                showsEveryTime: Bool = false) throws(LuaScriptError)
    {
        self.state = state
        self.historyPath = historyPath
        self.banner = banner
        self.showsEveryTime = showsEveryTime
        printer = try ResultPrinter(state: state)
    }

    /// `~/.flashcast_history`, or nil without a home folder.
    public static var defaultHistoryPath: String? {
        getenv("HOME").map { String(cString: $0) + "/.flashcast_history" }
    }

    /// Most history entries kept.
    static let historySize: Int32 = 1000

    /// Runs until end of input; returns the exit status.
    public func run() -> Int32 {
        guard isatty(STDIN_FILENO) != 0 else { return runStandardInput() }
        if !banner.isEmpty { print(banner) }
        eshim_setup()
        if let historyPath { _ = eshim_read_history(historyPath) }
        eshim_stifle_history(Self.historySize)
        // SIGINT interrupts Lua for the whole session; while a line is read, libedit's shim
        // handles it instead, so no Ctrl-C can fall on the default handler and end the REPL.
        catchingInterrupts {
            CompletionHook.completing(state) {
                while case .source(let chunk) = readChunk() {
                    show(evaluate(chunk))
                }
            }
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
            try catchingInterrupts { () throws(LuaScriptError) in try state.call() }
            return 0
        } catch {
            StandardError.write(error.description + "\n")
            return 1
        }
    }

    /// Runs `body` with SIGINT interrupting the Lua code of this state.
    @discardableResult
    func catchingInterrupts<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        lshim_catch_sigint(state.pointer)
        defer {
            lshim_catch_sigint(nil)
            state.interruptHandle.clear()
        }
        return try body()
    }
}
