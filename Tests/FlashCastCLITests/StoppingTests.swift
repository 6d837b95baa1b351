import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// `flashcast run --sandbox --timeout` and termination signals end a run cleanly whatever the script
/// does: the summary written, no partial output left. Each script here never ended before.
@Suite(.timeLimit(.minutes(3))) struct StoppingTests {
    @TemporaryFolder("flashcast-stopping") var folder

    func script(_ name: String, _ source: String) throws -> String {
        try source.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return name
    }

    /// The summary the run wrote to out/summary.json.
    func summary() throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("out/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// What the output folder holds besides the summary.
    func outputs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
            .filter { $0 != "summary.json" }
    }

    /// Hooks cannot reach the last three (a finalizer, long C calls): the watchdog ends the process.
    @Test(arguments: [
        "coroutine.wrap(function() while true do end end)()",
        "xpcall(function() while true do end end, function() while true do end end)",
        "while true do pcall(function() local co = coroutine.create(function() while true do end end) coroutine.resume(co) end) end",
        "setmetatable({}, {__gc = function() while true do end end}) collectgarbage() while true do end",
        "local s = string.rep('x', 2e9)",
        "string.find(string.rep('a', 60), string.rep('a*', 12) .. 'b')",
    ])
    func timeoutsEndTheRunWhateverTheScriptDoes(_ source: String) throws {
        let name = try script("stuck.lua", "local f = io.open('out/report.csv', 'w') f:write('half') " + source)
        let started = ContinuousClock.now
        let result = try runFlashcast(
            ["run", "--sandbox", "--timeout", "1", "--summary", "out/summary.json", name], in: folder)
        #expect(ContinuousClock.now - started < .seconds(10))  // loose: it never ended before
        #expect(result.status == 1)
        #expect(result.error.contains("flashcast: timeout: the script ran longer than 1.00 s"))
        #expect(try summary()["status"] as? String == "timeout")
        #expect(try outputs().isEmpty)  // the half-written report is not left as a partial file
    }

    /// Long computations in Swift stop at their next cancellation check.
    @Test(arguments: [
        "local sale = orders.simulate{minutes = 4320, seed = 1} forecast.backtest(sale.revenue, {model = 'paper', train = 1000, horizon = 200, step = 50, epochs = 500})",
        "orders.simulate{minutes = 43200, orders = 5e7}",
        "orders.simulate{minutes = 43200, orders = 5e7, path = 'out/big.csv'}",
        "local X, Y = {}, {} for i = 1, 2000 do X[i] = {i / 2000} Y[i] = {math.sin(i / 100)} end "
            + "nn.Sequential():add(nn.Linear(1, 256)):add(nn.ReLU()):add(nn.Linear(256, 1)):fit(nn.matrix(X), nn.matrix(Y), {epochs = 100000})",
    ])
    func timeoutsStopLongSwiftComputations(_ source: String) throws {
        let name = try script("long.lua", source)
        let started = ContinuousClock.now
        let result = try runFlashcast(["run", "--sandbox", "--timeout", "1", "--summary", "out/summary.json", name], in: folder)
        #expect(ContinuousClock.now - started < .seconds(10))  // loose: each takes minutes otherwise
        #expect(result.status == 1)
        #expect(result.error.contains("flashcast: timeout: the script ran longer than 1.00 s"))
        #expect(!result.error.contains("did not stop"))  // stopped by the interrupt, not by the watchdog
        #expect(try outputs().isEmpty)
    }

    @Test func ctrlCStopsAForecastCommand() throws {
        let sale = folder.appendingPathComponent("sale.csv").path
        #expect(try runFlashcast(["simulate", "--minutes", "4320", "--seed", "1", "-o", sale]).status == 0)
        let process = Process()
        process.executableURL = flashcastExecutable()
        process.arguments = ["backtest", sale, "--train", "1000", "--horizon", "200", "--step", "50", "--model", "paper", "-o", "out/bt.csv"]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, SIGINT)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        #expect(message == "flashcast: stopped by SIGINT\n")
        #expect(try outputs().isEmpty)
    }

    /// A loop the interrupt reaches, and two the watchdog must end (a looping finalizer, a long C call).
    @Test(arguments: [(SIGTERM, 143, "SIGTERM"), (SIGHUP, 129, "SIGHUP"), (SIGINT, 130, "SIGINT")], [
        "while true do pcall(error) end",
        "setmetatable({}, {__gc = function() while true do end end}) collectgarbage()",
        "string.find(string.rep('a', 60), string.rep('a*', 12) .. 'b')",
    ])
    func terminationSignalsEndTheRunCleanly(_ signal: (Int32, Int32, String), _ stuck: String) throws {
        let (signal, status, name) = signal
        let loop = try script("loop.lua", "local f = io.open('out/report.csv', 'w') f:write('half') " + stuck)
        let process = Process()
        process.executableURL = flashcastExecutable()
        process.arguments = ["run", "--sandbox", "--summary", "out/summary.json", loop]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        try process.run()
        while try outputs().isEmpty { Thread.sleep(forTimeInterval: 0.02) }  // the script is writing
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        let summary = try summary()
        #expect(summary["status"] as? String == "signal")
        #expect((summary["error"] as? String)?.hasPrefix("flashcast: stopped by \(name)") == true)  // stuck: "(... ended)"
        #expect(try outputs().isEmpty)
    }

    @Test func osExitStopsTheScriptFromACoroutine() throws {
        let name = try script("exit.lua", "coroutine.wrap(function() os.exit(4) print('not reached') while true do end end)()")
        let result = try runFlashcast(["run", "--sandbox", name], in: folder)
        #expect(result.status == 4)
        #expect(result.output.isEmpty)
    }

    @Test func osExitWithCloseRunsTheScriptsCloseHandlersInTheSandbox() throws {
        let name = try script("exit.lua", """
            local f <close> = io.open('out/report.csv', 'w') f:write('whole')
            local note <close> = setmetatable({}, {__close = function(_, e) print('closing', e) end})
            coroutine.wrap(function() pcall(os.exit, 4, true) end)() print('not reached')
            """)
        let result = try runFlashcast(["run", "--sandbox", "--summary", "out/summary.json", name], in: folder)
        #expect(result.status == 4)
        #expect(result.output == "closing\tnil\n")
        #expect(try String(contentsOf: folder.appendingPathComponent("out/report.csv"), encoding: .utf8) == "whole")
        #expect(try summary()["exit_code"] as? Int == 4)
    }

    @Test func osExitRefusesAStatusOutsideAByte() throws {
        let name = try script("exit.lua", "os.exit(256)")
        let result = try runFlashcast(["run", name], in: folder)
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("flashcast: exit.lua:1: bad argument #1 to 'exit' (exit status must be from 0 to 255)\n"))
    }

    /// A script blocked reading a pipe holds the stream's lock: the watchdog's exit must not wait for it.
    @Test func aTimeoutEndsAScriptBlockedReadingAPipe() throws {
        let fifo = folder.appendingPathComponent("never-written").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let name = try script("pipe.lua", "print(io.open('never-written', 'r+'):read('a'))")  // r+: open does not wait
        let started = ContinuousClock.now
        let result = try runFlashcast(["run", "--timeout", "1", name], in: folder)
        #expect(ContinuousClock.now - started < .seconds(10))  // loose: it never ended before
        #expect(result.status == 1)
        #expect(result.error.contains("flashcast: timeout: the script ran longer than 1.00 s (the script did not stop"))
    }

    @Test(arguments: ["0", "nan", "1e300", "inf"])
    func aTimeoutMustBeAPositiveNumberADurationHolds(_ seconds: String) throws {
        let name = try script("quick.lua", "print('ran')")
        let result = try runFlashcast(["run", "--timeout", seconds, name], in: folder)
        #expect(result.status == 2)
        #expect(result.error.contains("--timeout must be a positive number of seconds, at most 1e9"))
        #expect(result.output.isEmpty)
    }
}
