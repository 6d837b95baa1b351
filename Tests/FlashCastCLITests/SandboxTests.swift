import Foundation
import TemporaryFolders
import Testing
import TestSupport

@Suite struct SandboxTests {
    @TemporaryFolder("flashcast-sandbox") var folder

    func script(_ name: String, _ source: String) throws -> String {
        try source.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return name
    }

    func run(_ arguments: [String]) throws -> CommandResult {
        try runFlashcast(arguments, in: folder)
    }

    @Test func runawayLoopsStopAtTheTimeoutEvenInsidePcall() throws {
        let name = try script("runaway.lua", "while true do pcall(function() while true do end end) end")
        let result = try run(["run", "--sandbox", "--timeout", "0.5", name])
        #expect(result.status == 1)
        #expect(result.error.contains("flashcast: timeout: the script ran longer than 0.50 s"))
    }

    @Test func memoryBombsStopAtTheCap() throws {
        let name = try script("bomb.lua", "local t = {} while true do t[#t + 1] = string.rep('x', 1e5) .. #t end")
        let result = try run(["run", "--sandbox", "--memory", "32M", name])
        #expect(result.status == 1)
        #expect(result.error.contains("flashcast: bomb.lua: memory limit of 32 MiB exceeded"))
        // a cap under a MiB once read "memory limit of 0 MiB"
        let tiny = try run(["run", "--sandbox", "--memory", "1k", try script("tiny.lua", "local t = {}")])
        #expect(tiny.status == 1 && tiny.error.contains("flashcast: tiny.lua: memory limit of 1.0 KiB exceeded"), "\(tiny.error)")
    }

    @Test func memoryBombsInSwiftLibrariesStopBeforeAllocating() throws {
        let name = try script("network.lua", "local layer = nn.Linear(100000, 100000)")
        let result = try run(["run", "--sandbox", "--memory", "256M", "--summary", "-", name])
        #expect(result.status == 1)
        #expect(result.error.contains("network.lua:1: not enough memory for nn.Linear(100000, 100000) (298.0 GiB)"))
        #expect(result.output.contains(#""status" : "memory""#))
        let capped = try script("layer.lua", "print(pcall(nn.Linear, 3000, 3000))")
        #expect(try run(["run", "--sandbox", "--memory", "256M", capped]).output
            == "false\tnot enough memory for nn.Linear(3000, 3000) (274.7 MiB)\n")
        #expect(try run(["run", capped]).output == "true\tLinear(3000 -> 3000)\n")
    }

    @Test func writesOutsideTheOutputFolderAreRefused() throws {
        let target = folder.appendingPathComponent("evil.txt").path
        let name = try script("escape.lua", "local f = io.open('\(target)', 'w')")
        let result = try run(["run", "--sandbox", name])
        #expect(result.status == 1)
        #expect(result.error.contains("escape.lua:1: writing '\(target)' is not allowed in the sandbox"))
        #expect(!FileManager.default.fileExists(atPath: target))
        let sneaky = try script("sneaky.lua", "io.open('out/../evil.txt', 'w')")
        #expect(try run(["run", "--sandbox", sneaky]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// A summary that cannot be written was reported as a usage error (`Error: cannot write ...`) and
    /// after a successful script: now as the run's own failure, exit status 1 (a script's failure keeps its own).
    @Test func aSummaryThatCannotBeWrittenFailsTheRun() throws {
        let fine = try script("fine.lua", "print('done')")
        let result = try run(["run", "--summary", "/dev/full", fine])
        #expect(result.status == 1 && result.output == "done\n")
        #expect(result.error == "flashcast: cannot write '/dev/full': no space left on device\n", "\(result.error)")
        let alert = try run(["run", "--summary", "/nonexistent/run.json", try script("alert.lua", "os.exit(3)")])
        #expect(alert.status == 3 && alert.error == "flashcast: cannot write '/nonexistent/run.json': no such file or directory\n")
    }

    /// A pipe has no path to resolve, so `run --sandbox <(...)` and `--input /dev/stdin` were refused
    /// as "cannot read input '/dev/fd/63'": a named stream is readable by its name.
    @Test func scriptsAndInputsFromPipesRun() throws {
        let piped = try runFlashcast(["run", "--sandbox", "/dev/stdin", "a"], input: "print('piped', ...)", in: folder)
        #expect(piped.status == 0 && piped.output == "piped\ta\n", "\(piped.error)")
        let reader = try script("reader.lua", "print(#orders.rows(arg[1]), #orders.rows(arg[1]))")
        let orders = "order_id,created_at,amount\n1,2021-05-20T14:04:00Z,3\n2,2021-05-20T14:05:00Z,4\n"
        let input = try runFlashcast(["run", "--sandbox", "--input", "/dev/stdin", reader, "/dev/stdin"], input: orders, in: folder)
        #expect(input.status == 0 && input.output == "2\t2\n", "\(input.error)")
        let other = try runFlashcast(["run", "--sandbox", "/dev/stdin"], input: "io.open('/dev/fd/0')", in: folder)
        #expect(other.status == 1 && other.error.contains("reading '/dev/fd/0' is not allowed in the sandbox"), "\(other.error)")
    }

    /// A refused name with a zero byte was shown cut there (`writing 'x`), the rest of the message lost.
    @Test func refusedNamesWithAZeroByteAreShownWhole() throws {
        let name = try script("zero.lua", #"""
            print(pcall(io.open, "/etc/x\0y.csv", "w"))
            print(pcall(io.open, "/etc/pass\0wd"))
            print(pcall(os.remove, "/etc/pass\0wd"))
            print(pcall(args.folder, "/etc/x\0y"))
            """#)
        let result = try run(["run", "--sandbox", name])
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(result.output)")
        #expect(lines.first?.hasPrefix(#"false\#twriting '/etc/x\0y.csv' is not allowed in the sandbox (only inside '"#) == true, "\(lines)")
        #expect(lines.dropFirst().first == #"false\#treading '/etc/pass\0wd' is not allowed in the sandbox (inputs are named with --input)"#)
        #expect(lines.dropFirst(2).first?.hasPrefix(#"false\#twriting '/etc/pass\0wd' is not allowed"#) == true)
        #expect(lines.last?.hasPrefix(#"false\#twriting '/etc/x\0y' is not allowed in the sandbox (only inside '"#) == true)
    }

    /// The checks are Lua wrappers that once looked up `pcall`, `error`, `type` and `string.match`
    /// when called: a script replacing them read and removed any file.
    @Test func replacingGlobalsDoesNotSwitchTheChecksOff() throws {
        let victim = folder.appendingPathComponent("victim.txt").path
        try "secret".write(toFile: victim, atomically: true, encoding: .utf8)
        let name = try script("globals.lua", """
            pcall = function(f, ...) return true, ... end
            error = function() end
            type = function() return "string" end
            string.match = function() return true end
            local file = io.open('\(victim)', 'r')
            print(file and file:read('a'))
            """)
        let result = try run(["run", "--sandbox", name])
        #expect(result.status == 1)
        #expect(result.error.contains("reading '\(victim)' is not allowed in the sandbox"), "\(result.error)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "secret")
        let remover = try script("remover.lua", "pcall = function(f, ...) return true, ... end\nprint(os.remove('\(victim)'))")
        let removed = try run(["run", "--sandbox", remover])
        #expect(removed.status == 1 && removed.error.contains("writing '\(victim)' is not allowed in the sandbox"), "\(removed.error)")
        #expect(FileManager.default.fileExists(atPath: victim))
        let writer = try script("writer.lua", "string.match = function(s, p) return p == '^r' or nil end\nio.open('writer.lua', 'w')")
        let written = try run(["run", "--sandbox", writer])
        #expect(written.status == 1 && written.error.contains("is not allowed in the sandbox"), "\(written.error)")
        #expect(try String(contentsOfFile: folder.appendingPathComponent("writer.lua").path, encoding: .utf8).hasPrefix("string.match"))
    }

    @Test func unsafeLibrariesAreGoneAndReadsNeedAnInput() throws {
        let name = try script(
            "probe.lua",
            "print(dofile, package.loadlib, debug.getinfo, require('string') == string)")
        let result = try run(["run", "--sandbox", name])
        #expect(result.output == "nil\tnil\tnil\ttrue\n")
        for call in ["os.execute('ls')", "io.popen('ls')", "os.getenv('HOME')", "os.tmpname()"] {
            let refused = try run(["run", "--sandbox", try script("call.lua", "local x = 1\n" + call)])
            let name = call.prefix { $0 != "(" }
            #expect(refused.status == 1 && refused.error.contains("flashcast: call.lua:2: '\(name)' is not available in the sandbox\n"), "\(refused.error)")
        }
        try "secret".write(to: folder.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)
        let reader = try script("reader.lua", "print(io.open('data.txt'):read('a'))")
        #expect(try run(["run", "--sandbox", reader]).error.contains("reading 'data.txt' is not allowed in the sandbox"))
        #expect(try run(["run", "--sandbox", "--input", "data.txt", reader]).output == "secret\n")
        let binary = try script("binary.lua", "print(load(string.dump(function() end)))")
        #expect(try run(["run", "--sandbox", binary]).output.hasPrefix("nil\tattempt to load a binary chunk"))
    }

    @Test func writesAreAtomicAndAFailedRunLeavesNoFile() throws {
        let name = try script(
            "half.lua",
            """
            local f = io.open('out/report.csv', 'w')
            f:write('minute,value\\n')
            print(io.open('out/report.csv') == nil)
            error('crash before close')
            """)
        let result = try run(["run", "--sandbox", name])
        #expect(result.status == 1)
        #expect(result.output == "true\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(left.isEmpty)
        let good = try script("good.lua", "local f = io.open('out/r.txt', 'w'); f:write('a', 1):write('b'); assert(f:close())")
        #expect(try run(["run", "--sandbox", good]).status == 0)
        let written = try String(contentsOf: folder.appendingPathComponent("out/r.txt"), encoding: .utf8)
        #expect(written == "a1b")
    }

    @Test func exitCodesAndTheJSONSummary() throws {
        let alert = try script("alert.lua", "pcall(os.exit, 3) print('not reached')")
        let result = try run(["run", "--sandbox", "--summary", "out/summary.json", alert])
        #expect(result.status == 3)
        #expect(result.output.isEmpty)
        let data = try Data(contentsOf: folder.appendingPathComponent("out/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(summary["exit_code"] as? Int == 3)
        #expect(summary["status"] as? String == "exit")
        #expect(summary["script"] as? String == "alert.lua")
        #expect(try run(["run", "--sandbox", "--no-such-option", alert]).status == 2)
        #expect(try run(["run", "--memory", "lots", alert]).status == 2)
    }

    @Test func scheduledRunsLogWithTimestamps() throws {
        let name = try script("ok.lua", "print('fine')")
        let result = try run(["run", "--sandbox", name])
        #expect(result.status == 0)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ "#, options: .regularExpression) != nil })
    }
}
