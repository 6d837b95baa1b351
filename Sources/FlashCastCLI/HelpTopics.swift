import ArgumentParser
import FlashLua
import LuaBridge

/// `flashcast help-lua [topic]`: the Lua libraries' reference, as `help()` shows it in the REPL.
struct HelpTopics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lua-help",
        abstract: "Show the Lua libraries' reference: all of them, one library or one function.")

    @Argument(help: ArgumentHelp("A library or function, e.g. 'orders' or 'orders.read'.", valueName: "topic"))
    var topic: String?

    func validate() throws {
        if let topic, !FlashLua.hasHelp(topic) {
            throw ValidationError("no help for '\(topic)' ('flashcast lua-help' lists the libraries)")
        }
    }

    func run() throws {
        let state = try FlashLua.makeState()
        let call = LuaCall(state.pointer)
        try Script.exitOnError {
            call.pushGlobal("help")
            if let topic { call.push(topic) }
            try state.call(arguments: topic == nil ? 0 : 1)
        }
    }
}
