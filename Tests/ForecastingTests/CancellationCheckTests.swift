import Cancellation
import Dispatch
import Synchronization
import Testing

/// The question is the thread's own: nested calls restore the outer one, other threads do not see it.
@Suite struct CancellationCheckTests {
    @Test func nestedQuestionsAreRestoredAndStayOnTheirThread() {
        #expect(!CancellationCheck.isRequested)
        CancellationCheck.observing({ true }) {
            #expect(CancellationCheck.isRequested)
            CancellationCheck.observing({ false }) { #expect(!CancellationCheck.isRequested) }
            #expect(CancellationCheck.isRequested)
            let elsewhere = Mutex<Bool?>(nil), done = DispatchGroup()
            DispatchQueue.global().async(group: done) { elsewhere.withLock { $0 = CancellationCheck.isRequested } }
            done.wait()
            #expect(elsewhere.withLock { $0 } == false)
        }
        #expect(!CancellationCheck.isRequested)
    }

    @Test func aThrowingBodyRestoresTheOuterQuestion() {
        struct Failure: Error {}
        CancellationCheck.observing({ true }) {
            #expect(throws: Failure.self) { try CancellationCheck.observing({ false }) { throw Failure() } }
            #expect(CancellationCheck.isRequested)
        }
    }
}
