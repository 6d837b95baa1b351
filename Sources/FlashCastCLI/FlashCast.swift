import ArgumentParser
import FlashLua
import FlashREPL
import LuaBridge
import LuaShim

/// The `flashcast` command: Lua scripts, a REPL and scheduled jobs for flash-sale forecasting.
@main
struct FlashCast: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "flashcast",
        abstract: "Forecast flash-sale revenue minute by minute, scripted in Lua.",
        discussion: """
            With no subcommand and no -e, starts the REPL (like the lua program). During a sale, \
            `flashcast repl --orders live.csv` (or `--db URL --table orders`) preloads it with refresh() \
            and watch(60).

            Shipped workflows, each with --help: `flashcast run scripts/report.lua` (the scheduled report, \
            exit 3 on an alert), scripts/live.lua, scripts/train.lua and scripts/rolling.lua (the paper's two \
            experiments), scripts/whatif_email.lua (what an e-mail would bring); scheduled runs: \
            `flashcast run --sandbox --timeout 60 --memory 512M ...` (see `flashcast help run`).

            \(FlashLua.overview)
            `flashcast lua-help TOPIC` prints the same reference as help("TOPIC") in the REPL.
            """,
        version: "flashcast \(version) (\(String(cString: lshim_version())))",
        subcommands: [
            Run.self, Repl.self, Aggregate.self, Simulate.self, ForecastCommand.self, BacktestCommand.self,
            WhatIfCommand.self, HelpTopics.self,
        ])

    @Option(name: .customShort("e"), help: ArgumentHelp("Run a chunk of Lua code and exit.", valueName: "code"))
    var code: String?

    /// Parses and runs the command; usage errors exit with status 2, as documented for cron.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            StandardError.write(fullMessage(for: error) + "\n")
            Self.exit(withError: ExitCode(2))
        }
    }

    func run() throws {
        guard let code else { return try Repl().run() }
        let state = try FlashLua.makeState()
        try Script.exitOnError {
            try state.load(code, chunkName: "=(command line)")
            try state.call()
        }
    }
}
