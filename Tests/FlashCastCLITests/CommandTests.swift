import Foundation
import TemporaryFolders
import Testing
import TestSupport

@Suite struct CommandTests {
    @Test func versionNamesFlashcastAndLua() throws {
        let result = try runFlashcast(["--version"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("flashcast 0."))
        #expect(result.output.contains("(Lua 5.4"))
    }

    @Test func evaluatesCodeGivenWithDashE() throws {
        let result = try runFlashcast(["-e", "print(6 * 7)"])
        #expect(result.status == 0)
        #expect(result.output == "42\n")
    }

    @Test func runsAScriptWithItsArguments() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = folder.url.appendingPathComponent("args.lua")
        try "print(arg[0], #arg, arg[1], select('#', ...), ...)".write(to: script, atomically: true, encoding: .utf8)
        let result = try runFlashcast(["run", script.path, "one", "--two"])
        #expect(result.status == 0)
        #expect(result.output == "\(script.path)\t2\tone\t2\tone\t--two\n")
    }

    @Test func scriptErrorsPrintPositionAndTracebackAndExitOne() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = folder.url.appendingPathComponent("boom.lua")
        try "local function f()\n  error('boom')\nend\nf()\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try runFlashcast(["run", "boom.lua"], in: folder.url)
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("flashcast: boom.lua:2: boom\nstack traceback:"))
        #expect(result.error.contains("boom.lua:4: in main chunk"))
        #expect(!result.error.contains("Fatal error"))
    }

    @Test func aMissingScriptIsAnErrorNotACrash() throws {
        let result = try runFlashcast(["run", "/nonexistent/x.lua"])
        #expect(result.status == 1)
        #expect(result.error == "flashcast: cannot open /nonexistent/x.lua: No such file or directory\n")
    }

    @Test func syntaxErrorsNameTheLine() throws {
        let result = try runFlashcast(["-e", "x = = 1"])
        #expect(result.status == 1)
        #expect(result.error == "flashcast: (command line):1: unexpected symbol near '='\n")
    }

    @Test func replRunsStandardInputWhenItIsNotATerminal() throws {
        let result = try runFlashcast(["repl"], input: "local x = 20\nprint(x + 1)\n")
        #expect(result.status == 0)
        #expect(result.output == "21\n")
    }

    @Test func helpListsTheLuaLibraries() throws {
        let result = try runFlashcast(["help"])
        #expect(result.status == 0)
        #expect(result.output.contains("FlashCast libraries"))
        let reference = try runFlashcast(["lua-help"])
        #expect(reference.output.contains("help(\"orders.read\")"))
        // a topic nobody documents is a usage error, not a Lua traceback
        let unknown = try runFlashcast(["lua-help", "nosuch"])
        #expect(unknown.status == 2)
        #expect(unknown.error.hasPrefix("Error: no help for 'nosuch' ('flashcast lua-help' lists the libraries)\nUsage: flashcast lua-help"))
        #expect(try runFlashcast(["lua-help", "Series"]).output.hasPrefix("Series: "))
        // a mistyped command once printed the overview with status 0
        let mistyped = try runFlashcast(["help", "forcast"])
        #expect(mistyped.status == 2 && mistyped.output.isEmpty)
        #expect(mistyped.error == "Error: unknown command 'forcast' ('flashcast help' lists the commands)\n")
        #expect(try runFlashcast(["help", "forecast"]).output.hasPrefix("OVERVIEW: Forecast cumulative revenue"))
    }
}
