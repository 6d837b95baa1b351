import Foundation
import NeuralNet

/// The seconds of CPU time this thread has used: unlike wall time, it does not count the time
/// other processes on a shared machine take from us.
func threadSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// Trains the paper's network `repeats` times; the median wall and CPU seconds.
func measure<T: NNScalar>(_: T.Type, repeats: Int) throws -> (wall: Double, cpu: Double, history: TrainingHistory) {
    let data = try Workload.windows(T.self)
    var walls: [Double] = [], cpus: [Double] = []
    var history = TrainingHistory()
    for _ in 0..<repeats {
        let network = try Workload.network(T.self)
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = threadSeconds()
        history = try Trainer<T>().fit(network, inputs: data.inputs, targets: data.targets)
        cpus.append(threadSeconds() - cpuStart)
        let elapsed = clock.now - start
        walls.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    return (walls.sorted()[repeats / 2], cpus.sorted()[repeats / 2], history)
}

let arguments = CommandLine.arguments.dropFirst()
let repeats = arguments.compactMap { Int($0) }.first ?? 5
let precisions = Set(arguments.filter { Int($0) == nil })
let cpu = CPUPeak()
let options = TrainingOptions()
let validationRows = Int((Double(Workload.samples - Workload.window) * options.validationFraction).rounded())
let trainingRows = Workload.samples - Workload.window - validationRows
let steps = options.epochs * ((trainingRows + options.batchSize - 1) / options.batchSize)
let flops = Double(options.epochs) * Workload.flopsPerEpoch(trainingRows: trainingRows, validationRows: validationRows)

print("CPU: \(cpu.model), \(Int(cpu.megahertz)) MHz, \(cpu.extensions)")
print("paper configuration: 60 -> 64 ReLU, Dropout(0.2) -> 1; \(trainingRows) training and \(validationRows) validation windows,")
print("batch 32, Adam lr 1e-3, 200 epochs = \(steps) steps, \(String(format: "%.2f", flops / 1e9)) GFLOP; median of \(repeats) runs")
print("us/step, GFLOP/s and % of peak from the CPU time")
print("")
print("precision  wall s   CPU s    us/step  GFLOP/s  % of one core's peak  final train loss  best val loss")
for (name, bytes, run) in [
    ("float32", 4, { try measure(Float.self, repeats: repeats) }),
    ("float64", 8, { try measure(Double.self, repeats: repeats) }),
] as [(String, Int, () throws -> (wall: Double, cpu: Double, history: TrainingHistory))]
where precisions.isEmpty || precisions.contains(name) {
    let (wall, seconds, history) = try run()
    let rate = flops / seconds / 1e9
    let peak = cpu.gigaflops(scalarBytes: bytes)
    let best = history.validationLoss[history.bestEpoch - 1]
    print(String(
        format: "%@  %7.4f  %7.4f  %7.2f  %7.2f  %20.1f  %16.3e  %13.3e", name.padding(toLength: 9, withPad: " ", startingAt: 0),
        wall, seconds, seconds / Double(steps) * 1e6, rate, peak > 0 ? 100 * rate / peak : 0,
        history.trainingLoss.last ?? .nan, best))
    print("RESULT \(name) \(wall) \(seconds)")
}
