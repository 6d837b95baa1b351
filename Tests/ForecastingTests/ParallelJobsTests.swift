import Cancellation
import Synchronization
import Testing

@Suite struct ParallelJobsTests {
    struct Failure: Error, Equatable { let index: Int }

    @Test func resultsComeInJobOrderWhateverTheThreads() throws {
        for threads in [1, 2, 8] {
            let squares = try ParallelJobs.map(100, threads: threads) { index in index * index }
            #expect(squares == (0..<100).map { $0 * $0 })
        }
        #expect(try ParallelJobs.map(0) { $0 }.isEmpty)
    }

    @Test func theLowestFailingJobsErrorIsThrown() {
        #expect(throws: Failure(index: 3)) {
            try ParallelJobs.map(50, threads: 4) { index in
                if index == 3 || index == 40 { throw Failure(index: index) }
                return index
            }
        }
    }

    @Test func workersAskTheCallersCancellationQuestion() {
        let started = Mutex(0)
        #expect(throws: CancellationError.self) {
            try CancellationCheck.observing({ started.withLock { $0 } >= 5 }) {
                try ParallelJobs.map(1000, threads: 2) { index in
                    started.withLock { $0 += 1 }
                    return index
                }
            }
        }
        #expect(started.withLock { $0 } < 1000)
    }

    /// The jobs' own loops hear the caller's question on whichever thread runs them.
    @Test func jobsAskTheCallersQuestionOnEveryThread() throws {
        let asked = Atomic(0)
        let heard = try CancellationCheck.observing({ asked.add(1, ordering: .relaxed); return false }) {
            try ParallelJobs.map(8, threads: 2) { _ in
                (0..<1000).filter { _ in !CancellationCheck.isRequested }.count
            }
        }
        #expect(heard == Array(repeating: 1000, count: 8))
        #expect(asked.load(ordering: .relaxed) >= 8 * 1000)
    }

    /// Many maps in a row, each setting the question on Dispatch's workers (a task-local push there
    /// once crashed in `swift_task_localValuePush`), and the question gone once they end.
    @Test func manyMapsInARowCarryTheQuestionAndLeaveNoneBehind() throws {
        for round in 0..<200 {
            let sums = try CancellationCheck.observing({ false }) {
                try ParallelJobs.map(4, threads: 2) { index in CancellationCheck.isRequested ? -1 : index + round }
            }
            #expect(sums == (0..<4).map { $0 + round })
        }
        let afterwards = try ParallelJobs.map(4, threads: 2) { _ in CancellationCheck.current() }
        #expect(afterwards == [false, false, false, false])
    }
}
