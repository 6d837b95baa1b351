import Foundation
import LuaBridge

/// Lua calling Swift through the trampoline vs calling a C function, erroring calls' memory, and start-up time.
enum BridgeBenchmark {
    static let calls = 10_000_000

    static let loops = [
        "empty": "local x = 0 for i = 1, n do x = i end",
        "c": "local f = math.abs for i = 1, n do f(-i) end",
        "swift": "local f = swiftabs for i = 1, n do f(-i) end",
    ]

    static func run() {
        do {
            let state = try LuaState()
            state.setGlobal("swiftabs") { call in
                call.push(abs(try call.number(1)))
                return 1
            }
            // `BenchBridge LOOP N` runs one loop once, for instruction counts under callgrind.
            if CommandLine.arguments.count == 3, let loop = loops[CommandLine.arguments[1]] {
                try state.execute("local n = \(CommandLine.arguments[2]) " + loop)
                return
            }
            let empty = try time(state, "local x = 0 for i = 1, n do x = i end")
            let c = try time(state, "local f = math.abs for i = 1, n do f(-i) end") - empty
            let swift = try time(state, "local f = swiftabs for i = 1, n do f(-i) end") - empty
            print("calls: \(calls) per loop, empty loop subtracted (median of 5)")
            print(String(format: "C function (math.abs):      %6.1f ns/call", c))
            print(String(format: "Swift via trampoline:       %6.1f ns/call", swift))
            print(String(format: "ratio Swift/C:              %6.2f", swift / c))
            try erroringCalls(state)
            startup()
        } catch {
            print("benchmark failed: \(error)")
        }
    }

    /// Median nanoseconds per iteration of `loop` over `calls` iterations.
    static func time(_ state: LuaState, _ loop: String) throws -> Double {
        var samples = [Double]()
        for _ in 0..<5 {
            let start = ContinuousClock.now
            try state.execute("local n = \(calls) " + loop)
            let elapsed = ContinuousClock.now - start
            samples.append(Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9)
        }
        return samples.sorted()[2] / Double(calls)
    }

    static func erroringCalls(_ state: LuaState) throws {
        state.setGlobal("fail") { call in
            _ = try call.table(1)
            return 0
        }
        let loop = "for i = 1, 100000 do pcall(fail, i) end"
        try state.execute(loop)
        let before = residentBytes()
        for _ in 0..<10 { try state.execute(loop) }
        state.collectGarbage()
        let growth = Double(residentBytes() - before) / 1_048_576
        print(String(format: "1,000,000 erroring calls: resident memory grew %.2f MiB", growth))
    }

    static func residentBytes() -> Int {
        let text = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Median wall time of `flashcast -e 'print(1)'` over 20 runs.
    static func startup() {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let executable = folder.appendingPathComponent("flashcast")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            print("start-up: build flashcast first (swift build -c release)")
            return
        }
        var samples = [Double]()
        let arguments = [executable.path, "-e", "print(1)"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        for _ in 0..<20 {
            var argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let start = ContinuousClock.now
            guard posix_spawn(&pid, executable.path, &actions, nil, &argv, environ) == 0 else { return }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let elapsed = ContinuousClock.now - start
            samples.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
        }
        print(String(format: "flashcast -e 'print(1)': median %.1f ms of 20 runs", samples.sorted()[10]))
    }
}
