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
}
