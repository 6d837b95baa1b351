import EditLineShim
import Glibc
import LuaBridge
import LuaShim
import SafeOutput

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

    /// Runs until end of input or `os.exit`, then closes the state; returns the exit status.
    public func run() -> Int32 {
        state.installExit()
        guard isatty(STDIN_FILENO) != 0 else { return closingState(after: runStandardInput()) }
        if !banner.isEmpty { print(banner) }
        eshim_setup()
        if let historyPath { _ = eshim_read_history(historyPath) }
        eshim_stifle_history(Self.historySize)
        // SIGINT interrupts Lua for the whole session; while a line is read, libedit's shim
        // handles it instead, so no Ctrl-C can fall on the default handler and end the REPL.
        let status = catchingInterrupts {
            CompletionHook.completing(state) { () -> Int32 in
                while case .source(let chunk) = readChunk() {
                    let outcome = evaluate(chunk)
                    if let code = state.requestedExitCode { return code }
                    show(outcome)
                }
                print()
                return 0
            }
        }
        return closingState(after: status)
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
            if let code = state.requestedExitCode { return code }
            StandardError.write(error.description + "\n")
            return 1
        }
    }

    /// Runs `body` with SIGINT interrupting the Lua code of this state. A Ctrl-C that goes
    /// unanswered (a finalizer or a long C function, which hooks cannot reach) shows a hint: the
    /// next Ctrl-C quits.
    @discardableResult
    func catchingInterrupts<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        let watchdog = LuaWatchdog(state.interruptHandle, grace: .seconds(LSHIM_STUCK_SECONDS)) { _ in
            StandardError.write(Self.stuckHint)
        }
        lshim_catch_sigint(state.pointer)
        defer {
            lshim_catch_sigint(nil)
            watchdog.stop()
            state.interruptHandle.clear()
        }
        return try body()
    }

    /// What the REPL says when a Ctrl-C has gone unanswered for a second. Lua runs finalizers with
    /// hooks off and cannot stop inside one C call, and the state cannot be left while it runs: the
    /// user may wait (the interrupt lands when it returns) or quit.
    static let stuckHint = """

        flashcast: still running: Lua cannot interrupt a __gc finalizer or one long C call (string.rep, \
        string.find...). Wait for it to return (then it stops), or press Ctrl-C again to quit (the session's \
        variables are lost)

        """

    /// Closes the state, which runs its finalizers, and returns `status`; quits with it if a
    /// finalizer has not finished within a second.
    func closingState(after status: Int32) -> Int32 {
        signal(SIGINT, SIG_IGN)  // the second is all a Ctrl-C could shorten
        defer { signal(SIGINT, SIG_DFL) }
        return Self.close(state, after: status)
    }

    /// Closes `state`, which runs its finalizers, and returns `status`; if a finalizer has not
    /// finished within a second, removes the temporary outputs and quits the process with `status`.
    public static func close(_ state: LuaState, after status: Int32) -> Int32 {
        let watchdog = LuaWatchdog(state.interruptHandle, grace: .seconds(LSHIM_STUCK_SECONDS)) { _ in
            StandardError.write("flashcast: a finalizer did not finish: quitting\n")
            OutputFile.removeAllTemporaries()
            ExitFlush.flushStreams()
            _exit(status)
        }
        watchdog.close(state, within: closingTime)
        return status
    }

    /// How long the finalizers may run when the REPL quits.
    static let closingTime = Duration.seconds(1)
}
