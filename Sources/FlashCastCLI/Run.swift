import ArgumentParser
import FlashLua
import LuaBridge

/// `flashcast run [--sandbox ...] SCRIPT.lua [args...]`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Lua script; its arguments are in the global table 'arg' and in '...'.",
        discussion: """
            For scheduled (cron) runs, --sandbox keeps only safe libraries, confines writes to the output
            folder (atomically: a reader never sees half a file) and reads to the inputs named, and
            --timeout/--memory stop runaway scripts cleanly.
            A script that does not stop when its timeout or a signal interrupts it (a looping finalizer, a
            long C call) is ended 0.5 s later, its summary written all the same.
            Exit status: 0 fine, 1 script error (including timeout and memory limit), 2 usage error,
            3 early-warning alert raised (the script calls os.exit(3)), 128+N stopped by signal N (SIGHUP,
            SIGINT, SIGTERM); a script may exit with any code from 0 to 255 through os.exit(code).
            """)

    @Flag(help: "Run with safe libraries only; files confined to --output and --input.")
    var sandbox = false

    @Option(help: ArgumentHelp("Stop the script after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Cap the script's Lua memory, e.g. 512M or 2G.", valueName: "size"))
    var memory: MemorySize?

    @Option(help: ArgumentHelp("The folder a sandboxed script may write to.", valueName: "folder"))
    var output = "out"

    @Option(name: .customLong("input"), help: ArgumentHelp("A file or folder a sandboxed script may read (repeatable).", valueName: "path"))
    var inputs: [String] = []

    @Option(help: ArgumentHelp("Write the run's summary as JSON to this file ('-' for standard output).", valueName: "file"))
    var summary: String?

    @Argument(help: ArgumentHelp("The Lua script to run.", valueName: "script.lua"))
    var script: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.")
    var arguments: [String] = []

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        let job = ScriptJob(
            script: script, arguments: arguments, memoryLimit: memory?.bytes, timeout: timeout,
            sandbox: sandbox ? (output: output, inputs: inputs + [script]) : nil, logTimestamps: sandbox,
            summary: summary)
        let status = try job.run()
        if status != 0 { throw ExitCode(status) }
    }
}

/// A size with an optional K, M or G suffix (powers of 1024).
struct MemorySize: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var text = argument.uppercased()
        if text.hasSuffix("B") { text.removeLast() }
        let unit = text.last.flatMap { units[$0] } ?? 1
        if units[text.last ?? " "] != nil { text.removeLast() }
        guard let number = Double(text), number > 0, number * Double(unit) < 1e15 else { return nil }
        bytes = Int(number * Double(unit))
    }
}
