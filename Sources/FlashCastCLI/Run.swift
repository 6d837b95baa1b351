import ArgumentParser
import LuaBridge
import OrderSources

/// `flashcast run [--sandbox ...] SCRIPT.lua [args...]`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Lua script; its arguments are in the global table 'arg' and in '...'.",
        usage: """
            flashcast run [--sandbox] [--timeout <seconds>] [--memory <size>]
                [--output <folder>] [--input <path> ...] [--db <url> ...]
                [--summary <file>] <script.lua> [<arguments> ...]
            """,
        discussion: """
            For scheduled (cron) runs, --sandbox keeps only safe libraries, confines writes to the output \
            folder (atomically: a reader never sees half a file) and reads to the inputs named, and \
            --timeout/--memory stop runaway scripts cleanly.

            In the sandbox, databases are off unless --db names them (before the script: options after it \
            are the script's). A script's orders.query, orders.live_query and live.open{db=...} reach only a \
            named PostgreSQL or ClickHouse server (same user, host, port and database, no option the named \
            URL does not set), with the named URL's password, so credentials (the URL's password, PGPASSWORD, ~/.pgpass, \
            client certificates) go only to it and a script cannot make libpq read files it names (sslkey=, \
            sslcert=, ...); any other server is refused without connecting. SQLite files are read only from \
            the inputs (--db sqlite:path names one) and never written.

            A script that does not stop when its timeout or a signal interrupts it (a looping finalizer, a \
            long C call) is ended 0.5 s later, its summary written all the same.

            Exit status: 0 fine, 1 script error (including timeout and memory limit), 2 usage error, \
            3 early-warning alert raised (the script calls os.exit(3)), 128+N stopped by signal N (SIGHUP, \
            SIGINT, SIGTERM); a script may exit with any code from 0 to 255 through os.exit(code).
            """)

    @Flag(help: "Run with safe libraries only; files confined to --output and --input, databases to --db.")
    var sandbox = false

    @Option(help: ArgumentHelp("Stop the script after this many seconds.", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Cap the memory the script holds (Lua's and the Series, models... it makes), e.g. 512M or 2G.", valueName: "size"))
    var memory: MemorySize?

    @Option(help: ArgumentHelp("The folder a sandboxed script may write to.", valueName: "folder"))
    var output = "out"

    @Option(name: .customLong("input"), help: ArgumentHelp("A file, folder or pipe a sandboxed script may read (repeatable).", valueName: "path"))
    var inputs: [String] = []

    @Option(name: .customLong("db"), help: ArgumentHelp(
        "A database a sandboxed script may use (repeatable): postgres://user@host:port/db, clickhouse://user@host:8123/db or sqlite:path.db.",
        valueName: "url"))
    var databases: [String] = []

    @Option(help: ArgumentHelp("Write the run's summary as JSON to this file ('-' for standard output).", valueName: "file"))
    var summary: String?

    @Argument(help: ArgumentHelp("The Lua script to run.", valueName: "script.lua"))
    var script: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.")
    var arguments: [String] = []

    /// The longest --timeout, about 31 years (a Duration cannot hold much more than 1e20 s).
    static let longestTimeout = 1e9

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= Self.longestTimeout) {
            throw ValidationError("--timeout must be a positive number of seconds, at most 1e9")
        }
        if !databases.isEmpty, !sandbox {
            throw ValidationError("--db goes with --sandbox (outside it a script may use any database)")
        }
        let files = try namedDatabases().files
        try CommandOutputs.check([("--summary", summary)],
                                 inputs: [("the script", script)] + (inputs + files).map { ("--input", $0) })
    }

    /// The PostgreSQL and ClickHouse servers named with --db, and the SQLite files (which become inputs).
    private func namedDatabases() throws -> (servers: DatabaseAllowList, files: [String]) {
        var servers: [PostgresAddress] = [], clickHouse: [ClickHouseAddress] = [], files: [String] = []
        for url in databases {
            do {
                switch try DatabaseURL(url) {
                case .postgres(let address): servers.append(address)
                case .clickhouse(let address): clickHouse.append(address)
                case .sqlite(let path): files.append(path)
                }
            } catch { throw ValidationError(error.message) }
        }
        return (DatabaseAllowList(servers, clickHouse: clickHouse), files)
    }

    func run() throws {
        let named = try namedDatabases()
        let job = ScriptJob(
            script: script, arguments: arguments, memoryLimit: memory?.bytes, timeout: timeout,
            sandbox: sandbox ? (output: output, inputs: inputs + named.files + [script], databases: named.servers) : nil,
            logTimestamps: sandbox, summary: summary)
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
        guard let number = Double(text), number * Double(unit) >= 1, number * Double(unit) < 1e15 else { return nil }
        bytes = Int(number * Double(unit))
    }
}
