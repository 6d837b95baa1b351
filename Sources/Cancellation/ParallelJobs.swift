#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Independent jobs spread over the machine's cores, their results in job order: the same run
/// gives the same results whatever the cores and however the threads interleave.
///
/// Every worker asks the caller's cancellation question (``CancellationCheck/current``): before each
/// job, starting none once it says stop, and inside the jobs, whose own loops (a network's
/// training) hear it as on the caller's thread.
public enum ParallelJobs {
    /// Active processors, the default number of threads.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Runs `job(0)`, `job(1)`, ... `job(count - 1)` on up to `threads` threads and returns their
    /// results in that order; the error of the lowest-numbered failing job is thrown once every
    /// started job has ended.
    public static func map<Result: Sendable>(_ count: Int, threads: Int = cores,
                                             _ job: @Sendable (Int) throws -> Result) throws -> [Result] {
        guard count > 0 else { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 { return try (0..<count).map(job) }
        let outcomes = Mutex<[Swift.Result<Result, any Error>?]>(Array(repeating: nil, count: count))
        let next = Mutex(0)
        let stop = CancellationCheck.current
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            CancellationCheck.observing(stop) {
                while !stop() {
                    let index = next.withLock { value -> Int in defer { value += 1 }; return value }
                    guard index < count else { return }
                    let outcome = Swift.Result { try job(index) }
                    outcomes.withLock { $0[index] = outcome }
                }
            }
        }
        var results: [Result] = []
        results.reserveCapacity(count)
        for outcome in outcomes.withLock({ $0 }) {
            guard let outcome else { throw CancellationError() }
            results.append(try outcome.get())
        }
        return results
    }
}
