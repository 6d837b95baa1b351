import ArgumentParser
import FlashLua
import FlashREPL
import Glibc
import LuaBridge
import LuaShim

/// The `flashcast` command: Lua scripts, a REPL and scheduled jobs for flash-sale forecasting.
@main
struct FlashCast: ParsableCommand {
    static let version = "0.1.0"

    /// What `--version` and `-v` print.
    static let versionText = "flashcast \(version) (\(String(cString: lshim_version())))"

    /// The REPL's first line.
    static let banner = "FlashCast \(version) with \(String(cString: lshim_version())). help() lists the libraries."

    static let configuration = CommandConfiguration(
        commandName: "flashcast",
        abstract: "Forecast flash-sale revenue minute by minute, scripted in Lua.",
        usage: """
            flashcast [-e stat] [-i] [-l mod] [-v] [-E] [-W] [--] [script [args]]   (as lua5.4)
            flashcast <subcommand> ...
            """,
        discussion: """
            Without a subcommand, flashcast is `lua5.4` with FlashCast's libraries: `flashcast` alone starts \
            the REPL on a terminal and runs standard input as a script otherwise; `flashcast script.lua a b` \
            runs a script (so `#!/usr/bin/env flashcast` works) with `arg` and `...` as lua sets them; -e \
            runs code, -l mod (or -l g=mod) requires a module into a global, -i enters the REPL after the \
            script, -v prints the version, -E ignores LUA_INIT, LUA_PATH and LUA_CPATH, -W turns warnings \
            on, -- ends the options and - runs standard input. LUA_INIT_5_4 or LUA_INIT (`@file` or code) \
            runs first. A first argument naming a subcommand is that subcommand, even when a file has that \
            name: run such a script as `flashcast ./run` or `flashcast -- run`. Exit status: 0, 1 when a \
            chunk fails, 2 for a bad option (lua exits 1). During a sale, `flashcast repl --orders live.csv` \
            (or `--db URL --table orders`) preloads the REPL with refresh() and watch(60).

            Shipped workflows, each with --help: `flashcast run scripts/report.lua` (the scheduled report, \
            exit 3 on an alert), scripts/live.lua, scripts/train.lua and scripts/rolling.lua (the paper's two \
            experiments), scripts/whatif_email.lua (what an e-mail would bring); scheduled runs: \
            `flashcast run --sandbox --timeout 60 --memory 512M ...` (see `flashcast help run`).

            \(FlashLua.overview)
            `flashcast lua-help TOPIC` prints the same reference as help("TOPIC") in the REPL.
            """,
        version: versionText,
        subcommands: [
            Run.self, Repl.self, Aggregate.self, Simulate.self, ForecastCommand.self, BacktestCommand.self,
            WhatIfCommand.self, HelpTopics.self,
        ])

    /// Runs a Lua command line or parses and runs a subcommand; usage errors exit with status 2, as
    /// documented for cron.
    static func main() {
        let arguments = CommandLine.arguments
        let subcommands = Set(configuration.subcommands.map { $0._commandName })
        if LuaCommandLine.applies(to: Array(arguments.dropFirst()), subcommands: subcommands) {
            Glibc.exit(runLua(arguments))
        }
        if arguments.count > 2, arguments[1] == "help", !arguments[2].hasPrefix("-"), !subcommands.union(["help"]).contains(arguments[2]) {
            // ArgumentParser's help would print the overview with status 0 for a mistyped command
            StandardError.write("Error: unknown command '\(arguments[2])' ('flashcast help' lists the commands)\n")
            Glibc.exit(2)
        }
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

    /// Runs `flashcast [options] [script [args]]` as `lua5.4` would; returns the exit status.
    static func runLua(_ arguments: [String]) -> Int32 {
        let commandLine: LuaCommandLine
        do {
            commandLine = try LuaCommandLine(arguments)
        } catch {
            StandardError.write("flashcast: \(error.message)\n\(LuaCommandLine.usage)\n")
            return 2
        }
        return StandaloneLua(commandLine: commandLine, environment: { getenv($0).map { String(cString: $0) } }).run()
    }
}
