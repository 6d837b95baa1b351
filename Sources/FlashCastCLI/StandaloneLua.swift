import FlashLua
import FlashREPL
import Glibc
import LuaBridge
import LuaShim

/// Runs a ``LuaCommandLine`` as lua.c's `pmain` does: version, `LUA_INIT`, `-e`/`-l`/`-W` in order,
/// the script, then the REPL (or standard input as a script when nothing else was asked for).
struct StandaloneLua {
    let commandLine: LuaCommandLine
    let environment: (String) -> String?

    /// Runs everything, closes the state and returns the exit status: 0, the code given to
    /// `os.exit`, or 1 at the first failing chunk.
    func run() -> Int32 {
        if commandLine.showsVersion {
            print(commandLine.interactive ? FlashCast.banner : FlashCast.versionText)
        }
        let state: LuaState
        do {
            state = try FlashLua.makeState(ignoringEnvironment: commandLine.ignoresEnvironment)
        } catch {
            StandardError.write("flashcast: " + error.description + "\n")
            return 1
        }
        state.installExit()
        return REPL.close(state, after: runChunks(in: state))
    }

    private func runChunks(in state: LuaState) -> Int32 {
        do throws(LuaScriptError) {
            setArgumentTable(state)
            if !commandLine.ignoresEnvironment { try runInitialization(state) }
            for step in commandLine.steps { try run(step, in: state) }
            if let script = commandLine.scriptIndex.map({ commandLine.arguments[$0] }) {
                try runScript(commandLine.scriptIsStandardInput ? nil : script, in: state)
            }
            if commandLine.interactive {
                return try REPL(state: state, banner: "").run()
            }
            if commandLine.scriptIndex == nil, !commandLine.executesCode, !commandLine.showsVersion {
                guard isatty(STDIN_FILENO) == 0 else { return try REPL(state: state, banner: FlashCast.banner).run() }
                try runScript(nil, in: state)
            }
            return 0
        } catch {
            if let code = state.requestedExitCode { return code }
            StandardError.write("flashcast: " + error.description + "\n")
            return 1
        }
    }

    private func setArgumentTable(_ state: LuaState) {
        let table = commandLine.argumentTable
        let call = LuaCall(state.pointer)
        call.pushTable(arrayCapacity: commandLine.scriptArguments.count, fieldCapacity: table.count) { fields in
            for (index, argument) in table.sorted(by: { $0.key < $1.key }) {
                fields.set(index) { $0.push(argument) }
            }
        }
        call.setGlobal("arg")
    }

    /// `LUA_INIT_5_4` (else `LUA_INIT`): `@file` runs the file, anything else is run as code.
    private func runInitialization(_ state: LuaState) throws(LuaScriptError) {
        let version = String(cString: lshim_version()).split(separator: " ").last ?? ""
        let versioned = "LUA_INIT_" + version.split(separator: ".").prefix(2).joined(separator: "_")
        guard let name = [versioned, "LUA_INIT"].first(where: { environment($0) != nil }), let code = environment(name)
        else { return }
        if code.hasPrefix("@") {
            try state.loadFile(String(code.dropFirst()))
        } else {
            try state.load(code, chunkName: "=" + name)
        }
        try callCatchingInterrupts(state)
    }

    private func run(_ step: LuaCommandLine.Step, in state: LuaState) throws(LuaScriptError) {
        switch step {
        case .execute(let code):
            try state.load(code, chunkName: "=(command line)")
            try callCatchingInterrupts(state)
        case .require(let name):
            try require(name, in: state)
        case .warningsOn:
            lua_warning(state.pointer, "@on", 0)
        }
    }

    /// `-l mod` sets the global `mod` (`-l mod-v2` the global `mod`), `-l g=mod` the global `g`, to `require(mod)`.
    private func require(_ name: String, in state: LuaState) throws(LuaScriptError) {
        let global: Substring, module: Substring
        if let equals = name.firstIndex(of: "=") {
            (global, module) = (name[..<equals], name[name.index(after: equals)...])
        } else {
            (global, module) = (name.prefix { $0 != "-" }, Substring(name))
        }
        let call = LuaCall(state.pointer)
        _ = call.pushGlobal("require")
        call.push(String(module))
        try callCatchingInterrupts(state, arguments: 1, keeping: 1)
        call.setGlobal(String(global))
    }

    /// Runs the script (nil: standard input) with the arguments after it as `...`.
    private func runScript(_ path: String?, in state: LuaState) throws(LuaScriptError) {
        try state.loadFile(path)
        let call = LuaCall(state.pointer)
        for argument in commandLine.scriptArguments { call.push(argument) }
        try callCatchingInterrupts(state, arguments: Int32(commandLine.scriptArguments.count))
    }

    /// Calls the function below `arguments` with Ctrl-C interrupting it (as lua.c's `docall`), and
    /// keeps `keeping` results on the stack.
    private func callCatchingInterrupts(_ state: LuaState, arguments: Int32 = 0, keeping: Int32 = 0)
        throws(LuaScriptError)
    {
        let base = state.top - arguments - 1
        lshim_catch_sigint(state.pointer)
        defer {
            lshim_catch_sigint(nil)
            state.interruptHandle.clear()
        }
        try state.call(arguments: arguments)
        lua_settop(state.pointer, base + keeping)
    }
}
