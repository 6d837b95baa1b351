import Foundation

/// One core's peak FLOP/s from /proc/cpuinfo: two FMA pipes, each 2 FLOPs per lane per cycle,
/// on the widest vectors the kernels use (256-bit AVX2; Zen 4 splits AVX-512 into 256-bit halves).
struct CPUPeak {
    let model: String
    let flags: Set<String>
    let megahertz: Double

    init() {
        let text = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        func field(_ name: String) -> String {
            text.split(separator: "\n").first { $0.hasPrefix(name) }
                .flatMap { $0.split(separator: ":", maxSplits: 1).last }
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
        model = field("model name")
        flags = Set(field("flags").split(separator: " ").map(String.init))
        megahertz = Double(field("cpu MHz")) ?? 0
    }

    /// The SIMD extensions present, e.g. `AVX2+FMA, AVX-512F`.
    var extensions: String {
        var names: [String] = []
        if flags.contains("avx2") && flags.contains("fma") { names.append("AVX2+FMA") }
        if flags.contains("avx512f") { names.append("AVX-512F") }
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    /// GFLOP/s at peak for scalars of `bytes` bytes on 256-bit FMA vectors.
    func gigaflops(scalarBytes bytes: Int) -> Double {
        guard flags.contains("fma") else { return 0 }
        let lanes = Double(32 / bytes)
        return 2 * 2 * lanes * megahertz / 1000
    }
}
