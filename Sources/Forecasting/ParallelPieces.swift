#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Cancellation
import Dispatch
import Synchronization

/// Runs independent pieces of work (a back-test's forecasts, an evaluation's origins) on every core
/// and returns their results in the pieces' order, the same whatever the number of workers.
public enum ParallelPieces {
    /// The processors this process may run on.
    public static var availableCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `body` of every piece, in order, on `workers` threads (the available cores when nil). Each
    /// worker takes the next piece not yet taken; the first failure in piece order is thrown (the
    /// one a loop would have met: pieces after a failure are not started) and the caller's
    /// ``CancellationCheck`` question is asked on every worker.
    public static func map<Piece: Sendable, Result: Sendable, Failure: Error>(
        _ pieces: [Piece], workers: Int? = nil, _ body: @Sendable (Piece) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        let threads = min(max(1, workers ?? availableCores), pieces.count)
        guard threads > 1 else { return try pieces.map { piece throws(Failure) in try body(piece) } }
        let question = CancellationCheck.current
        let next = Atomic<Int>(0), failed = Atomic<Bool>(false)
        let outcomes = Mutex<[Swift.Result<Result, Failure>?]>(Array(repeating: nil, count: pieces.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            CancellationCheck.observing(question) {
                while !failed.load(ordering: .relaxed) {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < pieces.count else { return }
                    let outcome: Swift.Result<Result, Failure>
                    do throws(Failure) { outcome = .success(try body(pieces[index])) } catch { outcome = .failure(error) }
                    if case .failure = outcome { failed.store(true, ordering: .relaxed) }
                    outcomes.withLock { $0[index] = outcome }
                }
            }
        }
        var results: [Result] = []
        results.reserveCapacity(pieces.count)
        for outcome in outcomes.withLock({ $0 }) {
            guard let outcome else { break }  // after a failure: never started
            results.append(try outcome.get())
        }
        return results
    }
}
