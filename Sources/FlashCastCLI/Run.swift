import ArgumentParser
import FlashLua
import LuaBridge

/// `flashcast run SCRIPT.lua [args...]`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a Lua script; its arguments are in the global table 'arg' and in '...'.",
        discussion: "A script error prints file:line: message and a traceback, and exits with status 1.")

    @Argument(help: ArgumentHelp("The Lua script to run.", valueName: "script.lua"))
    var script: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.")
    var arguments: [String] = []

    func run() throws {
        let state = try FlashLua.makeState()
        Script.setArguments(state, script: script, arguments: arguments)
        try Script.exitOnError {
            try state.loadFile(script)
            let call = LuaCall(state.pointer)
            for argument in arguments { call.push(argument) }
            try state.call(arguments: Int32(arguments.count))
        }
    }
}
