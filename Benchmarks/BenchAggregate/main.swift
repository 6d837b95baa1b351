import Foundation
import SaleData

/// Benchmark: orders CSV to the per-minute file, FlashCast's reader side by side with polars.
///
///     BenchAggregate generate FILE [ORDERS]   make the orders file with the simulator (seed 42)
///     BenchAggregate once FILE OUT            one aggregation; prints `work_seconds peak_rss_bytes`
///     BenchAggregate compare FILE [RUNS]      fresh processes of both engines, medians, outputs compared
let arguments = Array(CommandLine.arguments.dropFirst())

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    FileHandle.standardError.write(Data("usage: BenchAggregate generate FILE [ORDERS] | once FILE OUT | compare FILE [RUNS]\n".utf8))
    exit(1)
}

switch (arguments.first, arguments.count) {
case ("generate", 2...3):
    let orders = arguments.count == 3 ? Double(arguments[2]) ?? 10_000_000 : 10_000_000
    let written = try Generate.run(path: arguments[1], orders: orders)
    print("wrote \(written) orders to \(arguments[1])")
case ("once", 3):
    let seconds = try Once.run(input: arguments[1], output: arguments[2])
    print(String(format: "%.4f %d", seconds, PeakMemory.bytes()))
case ("compare", 2...3):
    let runs = arguments.count == 3 ? Int(arguments[2]) ?? 3 : 3
    try Compare.run(input: arguments[1], runs: runs)
default:
    fail("unknown command")
}
