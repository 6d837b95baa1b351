import Foundation

/// Runs both engines in fresh processes, takes medians, and checks that the outputs are identical.
enum Compare {
    /// Python of the venv made by `setup_polars.sh` (override with FLASHCAST_POLARS_PYTHON).
    static let python = ProcessInfo.processInfo.environment["FLASHCAST_POLARS_PYTHON"]
        ?? "/tmp/flashcast-polars/bin/python"
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("polars_aggregate.py").path

    struct Run {
        var work: Double
        var whole: Double
        var peak: Int
    }

    static func run(input: String, runs: Int) throws {
        let size = Double((try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0)
        let folder = URL(fileURLWithPath: input).deletingLastPathComponent().path
        let ours = folder + "/minutes-flashcast.csv", theirs = folder + "/minutes-polars.csv"
        let engines: [(String, [String])] = [
            ("FlashCast (2 threads)", ["/proc/self/exe", "once", input, ours]),
            ("polars (2 threads)", [python, script, input, theirs]),
            ("polars, no dedupe (2 threads)", [python, script, input, theirs, "--no-dedupe"]),
        ]
        var medians: [(String, Run)] = []
        for (name, command) in engines {
            var results: [Run] = []
            for _ in 0..<runs { results.append(try measure(command)) }
            results.sort { $0.work < $1.work }
            medians.append((name, results[results.count / 2]))
        }
        let same = FileManager.default.contentsEqual(atPath: ours, andPath: theirs)
        print(String(format: "input %.1f MB, %d runs each, medians; outputs identical: %@", size / 1e6, runs,
                     same ? "yes" : "NO"))
        print("| engine | work s | whole process s | MB/s (work) | peak RSS MB |")
        print("|---|---|---|---|---|")
        for (name, run) in medians {
            print(String(format: "| %@ | %.3f | %.3f | %.0f | %.0f |", name, run.work, run.whole,
                         size / 1e6 / run.work, Double(run.peak) / 1e6))
        }
        let ratio = medians[1].1.work / medians[0].1.work
        let strict = medians[2].1.work / medians[0].1.work
        print(String(format: "throughput ratio FlashCast / polars: %.2f (%.2f against polars without dedupe)",
                     ratio, strict))
    }

    /// Runs a command that prints `work_seconds peak_rss_bytes` as its last line.
    static func measure(_ command: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        environment["POLARS_MAX_THREADS"] = "2"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        let started = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let whole = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count >= 2, let work = Double(fields[fields.count - 2]),
              let peak = Int(fields[fields.count - 1]) else {
            throw CompareError(description: "'\(command.joined(separator: " "))' failed")
        }
        return Run(work: work, whole: whole, peak: peak)
    }

    struct CompareError: Error, CustomStringConvertible {
        let description: String
    }
}
