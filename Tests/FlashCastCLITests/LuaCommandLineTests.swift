import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// `flashcast [options] [script [args]]`: lua5.4's command line beside the subcommands, in real child processes.
@Suite struct LuaCommandLineTests {
    @TemporaryFolder("flashcast-lua-command-line") var folder

    func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
        try runFlashcast(arguments, input: input, in: folder, environment: environment)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func noArgumentsRunStandardInputWhenItIsNotATerminal() throws {
        let result = try run([], input: "#!/usr/bin/env flashcast\nlocal x = 20\nprint(x + 1, ...)\n")
        #expect(result.status == 0)
        #expect(result.output == "21\n")
        let failing = try run([], input: "error('boom')\n")
        #expect(failing.status == 1)
        #expect(failing.error.hasPrefix("flashcast: stdin:1: boom\nstack traceback:"))
    }

    @Test func aShebangScriptRunsWithItsArguments() throws {
        let script = try write("hello", "#!/usr/bin/env flashcast\nprint(arg[0], #arg, select('#', ...), ...)\n")
        chmod(script, 0o755)
        let path = flashcastExecutable().deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        let result = try runCommand(URL(fileURLWithPath: script), ["a", "b c"], in: folder, environment: ["PATH": path])
        #expect(result.status == 0)
        #expect(result.output == "\(script)\t2\t2\ta\tb c\n")
    }

    @Test func argHoldsTheScriptAtZeroItsArgumentsAfterAndTheOptionsBefore() throws {
        try write("args.lua", "for i = -3, #arg do io.write(i, '=', arg[i], ' ') end print(select('#', ...))\n")
        let result = try run(["-W", "-e", "x = 1", "args.lua", "one", "-two"])
        #expect(result.status == 0)
        #expect(result.output == "-3=-W -2=-e -1=x = 1 0=args.lua 1=one 2=-two 2\n")
        let noScript = try run(["-e", "print(arg[0]:match('flashcast$'), arg[1], #arg)"])
        #expect(noScript.output == "flashcast\t-e\t2\n")
    }

    @Test func dashRunsStandardInputWithArguments() throws {
        let result = try run(["-", "x", "y"], input: "print(arg[0], ...)\n")
        #expect(result.status == 0)
        #expect(result.output == "-\tx\ty\n")
        try write("-", "print('the file named -')\n")
        #expect(try run(["--", "-"], input: "print('stdin')").output == "the file named -\n")
    }

    @Test func doubleDashEndsTheOptions() throws {
        try write("-v.lua", "print('script', ...)\n")
        let result = try run(["--", "-v.lua", "-e"])
        #expect(result.status == 0)
        #expect(result.output == "script\t-e\n")
    }

    @Test func optionsRunInOrderBeforeTheScriptAndStopAtTheFirstFailure() throws {
        try write("show.lua", "print('script', x)\n")
        let result = try run(["-e", "x = 1", "-e", "x = x + 1; print('e', x)", "-eprint('attached')", "show.lua"])
        #expect(result.output == "e\t2\nattached\nscript\t2\n")
        let failing = try run(["-e", "print('first')", "-e", "error('second')", "show.lua"])
        #expect(failing.status == 1)
        #expect(failing.output == "first\n")
        #expect(failing.error.hasPrefix("flashcast: (command line):1: second\n"))
    }

    @Test func dashLRequiresAModuleIntoAGlobal() throws {
        try write("shop.lua", "return {name = 'shop', loaded = (loaded or 0) + 1}\n")
        let path = ["LUA_PATH": folder.path + "/?.lua"]
        let plain = try run(["-l", "shop", "-e", "print(shop.name)"], environment: path)
        #expect(plain.output == "shop\n")
        let renamed = try run(["-l", "s=shop", "-lstring", "-e", "print(s.name, shop, string.rep('a', 2))"], environment: path)
        #expect(renamed.output == "shop\tnil\taa\n")
        let missing = try run(["-l", "nosuch"], environment: path)
        #expect(missing.status == 1)
        #expect(missing.error.hasPrefix("flashcast: module 'nosuch' not found:"))
    }

    @Test func dashEIgnoresLuaInitAndLuaPath() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try write("lib/shop.lua", "return {}\n")
        let environment = ["LUA_PATH": folder.path + "/lib/?.lua", "LUA_INIT": "print('init')"]
        #expect(try run(["-l", "shop", "-e", "print('ok')"], environment: environment).output == "init\nok\n")
        let ignored = try run(["-E", "-l", "shop"], environment: environment)
        #expect(ignored.status == 1)
        #expect(!ignored.output.contains("init"))
        #expect(ignored.error.hasPrefix("flashcast: module 'shop' not found:"))
        #expect(try run(["-E", "-e", "print(package.path:find('" + folder.path + "', 1, true))"], environment: environment)
            .output == "nil\n")
    }

    @Test func luaInitRunsCodeOrAFileFirstAndStopsTheRunWhenItFails() throws {
        try write("init.lua", "greeting = 'from file'\n")
        #expect(try run(["-e", "print(greeting)"], environment: ["LUA_INIT": "@init.lua"]).output == "from file\n")
        let versioned = try run(["-e", "print(greeting)"], environment: ["LUA_INIT_5_4": "greeting = 'versioned'",
                                                                         "LUA_INIT": "greeting = 'plain'"])
        #expect(versioned.output == "versioned\n")
        let failing = try run(["-e", "print('not run')"], environment: ["LUA_INIT": "error('bad init')"])
        #expect(failing.status == 1)
        #expect(failing.output == "")
        #expect(failing.error.hasPrefix("flashcast: LUA_INIT:1: bad init\n"))
    }

    @Test func dashWTurnsWarningsOn() throws {
        let on = try run(["-W", "-e", "warn('low ', 'stock')"])
        #expect(on.status == 0)
        #expect(on.error == "Lua warning: low stock\n")
        #expect(try run(["-e", "warn('low stock')"]).error == "")
        #expect(try run(["-e", "warn('@on') warn('now on')"]).error == "Lua warning: now on\n")
    }

    @Test func dashVPrintsTheVersionAndDoesNotRunStandardInput() throws {
        let result = try run(["-v"], input: "print('stdin ran')\n")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("flashcast 0."))
        #expect(result.output.contains("(Lua 5.4"))
        #expect(!result.output.contains("stdin ran"))
        #expect(try run(["-e", "print(1)"], input: "print('stdin ran')\n").output == "1\n")
        #expect(try run(["-W"], input: "print('stdin ran')\n").output == "stdin ran\n")
    }

    @Test func dashIEntersTheReplAfterTheScriptInTheSameState() throws {
        try write("setup.lua", "total = 40\n")
        let result = try run(["-i", "setup.lua"], input: "print(total + 2)\n")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("FlashCast 0."))
        #expect(result.output.hasSuffix("42\n"))
        try write("broken.lua", "error('broken')\n")
        let failing = try run(["-i", "broken.lua"], input: "print('repl ran')\n")
        #expect(failing.status == 1)
        #expect(!failing.output.contains("repl ran"))
    }

    @Test func osExitEndsWithItsCode() throws {
        #expect(try run(["-e", "os.exit(7)"]).status == 7)
        #expect(try run(["-e", "os.exit(false)"]).status == 1)
        #expect(try run([], input: "print('a') os.exit(true) print('b')").output == "a\n")
        #expect(try run(["-e", "coroutine.wrap(function() pcall(os.exit, 5) end)() print('after')"]).status == 5)
    }

    /// `os.exit(code, true)` closes the pending to-be-closed variables as lua 5.4.4's lua_close does:
    /// innermost first, error argument nil (or the error of a failing one), not a coroutine's own,
    /// through pcall, xpcall and coroutine.resume, then the finalizers. The outputs are lua 5.4.4's.
    @Test(arguments: [
        ("local x <close> = T('main') setmetatable({}, {__gc = function() print('gc') end}) os.exit(3, true)",
         "closed\tmain\tnil\ngc\n", 3),
        ("local x <close> = T('main') local function f() local y <close> = T('f') "
            + "coroutine.wrap(function() local z <close> = T('co') os.exit(true, true) end)() end f()",
         "closed\tf\tnil\nclosed\tmain\tnil\n", 0),
        ("local x <close> = T('main') pcall(function() local y <close> = T('in pcall') os.exit(5, true) end)",
         "closed\tin pcall\tnil\nclosed\tmain\tnil\n", 5),
        ("local x <close> = T('main') local y <close> = setmetatable({}, {__close = function() error('boom', 0) end}) os.exit(6, true)",
         "closed\tmain\tboom\n", 6),
        ("local x <close> = T('main') local co = coroutine.create(function() local z <close> = T('co') "
            + "xpcall(os.exit, function() print('handler') end, 8, true) end) print(coroutine.resume(co)) print('after')",
         "closed\tmain\tnil\n", 8),
        ("local x <close> = T('main') local y <close> = setmetatable({}, {__close = function() print(pcall(error, 'inner', 0)) end}) os.exit(9, true)",
         "false\tinner\nclosed\tmain\tnil\n", 9),
    ])
    func osExitWithCloseClosesTheVariablesAsLuaCloseDoes(code: String, output: String, status: Int32) throws {
        let closer = "local function T(name) return setmetatable({}, {__close = function(_, e) print('closed', name, e) end}) end "
        let result = try run(["-e", closer + code])
        #expect(result.output == output)
        #expect(result.status == status)
        #expect(result.error == "")
    }

    /// Unlike lua, `os.exit(code)` without `true` closes the state too (files are written, finalizers
    /// run); a to-be-closed variable written in Lua does not run.
    @Test func osExitWithoutCloseRunsTheFinalizersButNoLuaCloseHandler() throws {
        let result = try run(["-e", "local x <close> = setmetatable({}, {__close = function() print('closed') end}) "
            + "setmetatable({}, {__gc = function() print('gc') end}) local f = io.open('kept.txt', 'w') f:write('kept') os.exit(3)"])
        #expect(result.output == "gc\n")
        #expect(result.status == 3)
        #expect(try String(contentsOf: folder.appendingPathComponent("kept.txt"), encoding: .utf8) == "kept")
    }

    @Test(arguments: [
        (["-x"], "unrecognized option '-x'"), (["-vx"], "unrecognized option '-vx'"),
        (["-Ex"], "unrecognized option '-Ex'"), (["-e"], "'-e' needs argument"),
        (["-l", "-v"], "'-l' needs argument"), (["--sandbox", "x.lua"], "unrecognized option '--sandbox'"),
    ])
    func badOptionsPrintLuasMessageAndUsageAndExitTwo(arguments: [String], message: String) throws {
        let result = try run(arguments, input: "print('ran')")
        #expect(result.status == 2)
        #expect(result.output == "")
        #expect(result.error.hasPrefix("flashcast: \(message)\nusage: flashcast [options] [script [args]]\n"))
    }

    @Test func aSubcommandNameIsTheSubcommandAndAPathOrDoubleDashRunsTheFile() throws {
        try write("run", "print('the script called run', ...)\n")
        let subcommand = try run(["run"])
        #expect(subcommand.status == 2)
        #expect(subcommand.error.contains("Missing expected argument '<script.lua>'"))
        #expect(try run(["./run", "a"]).output == "the script called run\ta\n")
        #expect(try run(["--", "run", "a"]).output == "the script called run\ta\n")
        #expect(try run(["run", "run", "a"]).output == "the script called run\ta\n")
    }

    @Test func subcommandsHelpAndVersionStillParse() throws {
        #expect(try run(["--version"]).output.hasPrefix("flashcast 0."))
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("flashcast [-e stat] [-i] [-l mod] [-v] [-E] [-W] [--] [script [args]]"))
        #expect(try run(["help", "run"]).output.contains("--sandbox"))
        #expect(try run(["repl"], input: "print(6 * 7)").output == "42\n")
    }
}

/// `flashcast` and `flashcast -i script.lua` on a terminal: the REPL, as `lua` starts it.
@Suite(.timeLimit(.minutes(2))) struct LuaCommandLineTerminalTests {
    @TemporaryFolder("flashcast-lua-terminal") var home

    func start(_ arguments: [String]) throws -> TerminalSession {
        try TerminalSession(flashcastExecutable().path, arguments,
                            environment: ["HOME=\(home.path)", "TERM=dumb", "LANG=C.UTF-8"])
    }

    @Test func noArgumentsStartTheRepl() throws {
        let repl = try start([])
        try repl.waitFor("help() lists the libraries.")
        try repl.waitFor("\n> ")
        try repl.type("6 * 7, arg[0]:match('flashcast$')\n")
        try repl.waitFor("\n42\t\"flashcast\"\n> ")
        try repl.type("\u{4}")
        #expect(try repl.waitForExit() == 0)
    }

    @Test func dashIEntersTheReplWithTheScriptsGlobals() throws {
        let script = home.appendingPathComponent("setup.lua").path
        try "total = 40\nprint('set up', ...)\n".write(toFile: script, atomically: true, encoding: .utf8)
        let repl = try start(["-i", script, "now"])
        try repl.waitFor("\nset up\tnow\n> ")
        try repl.type("total + 2\n")
        try repl.waitFor("\n42\n> ")
        try repl.type("os.exit(4)\n")
        #expect(try repl.waitForExit() == 4)
    }
}
