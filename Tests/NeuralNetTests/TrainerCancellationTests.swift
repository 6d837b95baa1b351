import Cancellation
import Synchronization
import Testing
@testable import NeuralNet

@Suite struct TrainerCancellationTests {
    /// Training asks before every batch: asked to stop after 3 batches, it stops at the 4th.
    @Test func trainingStopsAtTheNextBatchOnceAsked() throws {
        let (inputs, targets) = try TrainerTests.linearData()
        let asked = Mutex(0)
        let trainer = Trainer<Double>(TrainerTests.options(epochs: 1_000_000, optimizer: .adam(config: AdamConfig())))
        #expect(throws: NeuralNetError.cancelled) {
            try CancellationCheck.observing({ asked.withLock { $0 += 1; return $0 > 3 } }) {
                try trainer.fit(Sequential([try Linear<Double>(2, 1)]), inputs: inputs, targets: targets)
            }
        }
        #expect(asked.withLock { $0 } == 4)
        #expect(!CancellationCheck.isRequested)  // outside observing, nothing is asked
    }
}
