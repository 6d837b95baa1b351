import Foundation
import SaleData

/// One aggregation in this process: read, aggregate, write the per-minute file.
enum Once {
    /// Seconds of work (reading to written output), measured inside the process.
    static func run(input: String, output: String) throws -> Double {
        let started = DispatchTime.now().uptimeNanoseconds
        var options = OrdersReadOptions()
        options.countCustomers = false
        let result = try OrdersReader.read(path: input, options: options)
        try result.table.write(to: output)
        return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }
}

/// Peak resident memory of this process (VmHWM), in bytes.
enum PeakMemory {
    static func bytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}
