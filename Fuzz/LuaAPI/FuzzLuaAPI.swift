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

    @Flag(help: "Print the program of --seed and stop, to rerun a reported case by hand.")
    var show = false

    func run() throws {
        let catalog = APICatalog.load()
        if show {
            var generator = ProgramGenerator(catalog: catalog, seed: seed)
            return say(generator.program(length: statements).source)
        }
        let runner = ChildRunner(flashcast: URL(fileURLWithPath: flashcast), timeout: timeout, memory: memory)
        say("fuzzing \(catalog.functions.count) functions and \(catalog.methods.values.map(\.count).reduce(0, +)) "
            + "methods for \(seconds) s from seed \(seed)")
        let deadline = Date().addingTimeInterval(seconds)
        var crashes = Set<String>()
        var hangs: [(seed: UInt64, source: String)] = []
        var programs = 0, timeouts = 0
        var programSeed = seed
        var tracing = runner
        tracing.backtraces = true
        while Date() < deadline {
            var generator = ProgramGenerator(catalog: catalog, seed: programSeed)
            let program = generator.program(length: statements)
            programs += 1
            switch try runner.run(program).outcome {
            case .crashed(let signal, let message):
                let minimal = try CrashMinimizer(runner: runner, signal: signal, message: message).minimize(program)
                let errors = try tracing.run(minimal).errors
                let key = "signal \(signal): \(message.isEmpty ? "" : message + " ")at \(Self.crashSite(errors))"
                if crashes.insert(key).inserted {
                    reportCrash(key, seed: programSeed, snippet: minimal.source, errors: errors)
                }
            case .hung:
                hangs.append((programSeed, program.source))
                say("hang (seed \(programSeed))")
            case .exited(_, let timedOut):
                if timedOut { timeouts += 1 }
            }
            programSeed &+= 1
        }
        report(programs: programs, timeouts: timeouts, crashes: crashes, hangs: hangs)
        if !crashes.isEmpty || (failOnHang && !hangs.isEmpty) { throw ExitCode(1) }
    }

    /// The first FlashCast source line in a backtrace, which tells crashes apart.
    static func crashSite(_ errors: String) -> String {
        let frame = errors.split(separator: "\n").first { $0.contains("/Sources/") }
        guard let frame, let range = frame.range(of: "/Sources/") else { return "an unknown place" }
        return String(frame[range.lowerBound...].dropFirst())
    }

    private func reportCrash(_ key: String, seed: UInt64, snippet: String, errors: String) {
        say("\n== crash: \(key) (program seed \(seed)); minimal snippet:\n\(snippet)")
        let frames = errors.split(separator: "\n").filter { $0.contains("/Sources/") }.prefix(6)
        if !frames.isEmpty { say("-- top frames:\n" + frames.joined(separator: "\n")) }
    }

    private func report(programs: Int, timeouts: Int, crashes: Set<String>,
                        hangs: [(seed: UInt64, source: String)]) {
        for hang in hangs.prefix(3) {
            say("\n== hang past the child's timeout (program seed \(hang.seed)):\n\(hang.source)")
        }
        say("\nprograms: \(programs), crashes: \(crashes.count), hangs: \(hangs.count), "
            + "timeouts: \(timeouts) (stopped by the child's own --timeout)")
    }
}

/// Writes a line to standard output at once (unbuffered), so progress reaches a log file as it happens.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
