import ArgumentParser
import FlashREPL
import LuaBridge

/// Running Lua code for a command and reporting its failure as the `lua` program does.
enum Script {
    /// Runs `body`; a Lua error prints `flashcast: file:line: message` and a traceback, then exits 1.
    static func exitOnError(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as LuaScriptError {
            StandardError.write("flashcast: " + error.description + "\n")
            throw ExitCode(1)
        }
    }

    /// Sets the global `arg` as `lua` does: `arg[0]` the script, `arg[1...]` its arguments.
    static func setArguments(_ state: LuaState, script: String, arguments: [String]) {
        let call = LuaCall(state.pointer)
        call.pushTable(arrayCapacity: arguments.count, fieldCapacity: 1) { table in
            table.set(0) { $0.push(script) }
            for (offset, argument) in arguments.enumerated() {
                table.set(offset + 1) { $0.push(argument) }
            }
        }
        call.setGlobal("arg")
    }
}
