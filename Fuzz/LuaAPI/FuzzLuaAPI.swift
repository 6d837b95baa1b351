import ArgumentParser
import Foundation

/// Calls FlashCast's Lua API with random arguments in sandboxed child processes for a bounded
/// time and reports every child that died by a signal, with a minimal reproducing snippet.
@main
struct FuzzLuaAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fuzz FlashCast's Lua libraries and methods in sandboxed child processes.",
        discussion: """
            Every library function and method in FlashCast's help registry is called with random \
            arguments. A child that dies by a signal is a crash (exit status 1, each reported once with \
            a minimal Lua snippet); a child still running after its timeout is reported as a hang.
            """)

    @Option(help: ArgumentHelp("The flashcast executable to fuzz.", valueName: "path"))
    var flashcast: String

    @Option(help: ArgumentHelp("How long to fuzz.", valueName: "seconds"))
    var seconds: Double = 30

    @Option(help: ArgumentHelp("Seed of the first program; program n uses seed + n.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Statements per program.", valueName: "n"))
    var statements = 30

    @Option(help: ArgumentHelp("The child's --timeout.", valueName: "seconds"))
    var timeout: Double = 3

    @Option(help: ArgumentHelp("The child's --memory cap.", valueName: "size"))
    var memory = "256M"

    @Flag(help: "Also fail (exit status 1) when a child hangs past its timeout.")
    var failOnHang = false

    func run() throws {
        let catalog = APICatalog.load()
        let runner = ChildRunner(flashcast: URL(fileURLWithPath: flashcast), timeout: timeout, memory: memory)
        print("fuzzing \(catalog.functions.count) functions and \(catalog.methods.values.map(\.count).reduce(0, +)) "
            + "methods for \(seconds) s from seed \(seed)")
        let deadline = Date().addingTimeInterval(seconds)
        var crashes: [String: (seed: UInt64, snippet: String, errors: String)] = [:]
        var hangs: [(seed: UInt64, source: String)] = []
        var programs = 0, timeouts = 0
        var programSeed = seed
        while Date() < deadline {
            var generator = ProgramGenerator(catalog: catalog, seed: programSeed)
            let program = generator.program(length: statements)
            programs += 1
            switch try runner.run(program).outcome {
            case .crashed(let signal, let message):
                let key = "signal \(signal): \(message)"
                if crashes[key] == nil {
                    let minimal = try CrashMinimizer(runner: runner, signal: signal, message: message).minimize(program)
                    var tracing = runner
                    tracing.backtraces = true
                    crashes[key] = (programSeed, minimal.source, try tracing.run(minimal).errors)
                    print("crash (seed \(programSeed)): \(key)")
                }
            case .hung:
                hangs.append((programSeed, program.source))
                print("hang (seed \(programSeed))")
            case .exited(_, let timedOut):
                if timedOut { timeouts += 1 }
            }
            programSeed &+= 1
        }
        report(programs: programs, timeouts: timeouts, crashes: crashes, hangs: hangs)
        if !crashes.isEmpty || (failOnHang && !hangs.isEmpty) { throw ExitCode(1) }
    }

    private func report(programs: Int, timeouts: Int, crashes: [String: (seed: UInt64, snippet: String, errors: String)],
                        hangs: [(seed: UInt64, source: String)]) {
        for (key, crash) in crashes.sorted(by: { $0.key < $1.key }) {
            print("\n== crash: \(key) (program seed \(crash.seed)); minimal snippet:\n\(crash.snippet)")
            let frames = crash.errors.split(separator: "\n").filter { $0.contains("/Sources/") }.prefix(6)
            if !frames.isEmpty { print("-- top frames:\n" + frames.joined(separator: "\n")) }
        }
        for hang in hangs.prefix(3) {
            print("\n== hang past the child's timeout (program seed \(hang.seed)):\n\(hang.source)")
        }
        print("\nprograms: \(programs), crashes: \(crashes.count), hangs: \(hangs.count), "
            + "timeouts: \(timeouts) (stopped by the child's own --timeout)")
    }
}
