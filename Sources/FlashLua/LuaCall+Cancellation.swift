import Cancellation
import LuaBridge
import Synchronization

extension LuaCall {
    /// Runs long domain work (training, back-tests, learning, simulations) so that an interrupt of
    /// the state (Ctrl-C, a timeout, `os.exit`) stops it within a few milliseconds: the domain's
    /// loops see `CancellationCheck.isRequested`, and the bridge reports the error they stop with as
    /// the interrupt's own.
    func cancellable<Result, Failure: Error>(_ work: () throws(Failure) -> Result) throws(Failure) -> Result {
        guard let handle = state?.interruptHandle else { return try work() }
        return try CancellationCheck.observing({ handle.isRequested }, during: work)
    }

    /// Runs streaming work whose memory cannot be estimated before it starts (a file read block by
    /// block) as `cancellable` does; under a memory cap, each time the work asks `CancellationCheck`
    /// (every block) it also compares the process's resident memory with what it was at the start,
    /// and growth past the room left under the cap stops the work with `not enough memory for WHAT (SIZE)`.
    func watchingMemory<Result>(for what: String, _ work: () throws -> Result) throws -> Result {
        guard let room = memoryRoom, let handle = state?.interruptHandle else { return try cancellable(work) }
        let start = ResidentMemory.bytes
        let growth = Mutex<Int?>(nil)
        let question: @Sendable () -> Bool = {
            if handle.isRequested { return true }
            let grown = ResidentMemory.bytes - start
            guard grown > room else { return false }
            growth.withLock { $0 = grown }
            return true
        }
        do { return try CancellationCheck.observing(question, during: work) } catch {
            guard error is CancellationError, !handle.isRequested, let grown = growth.withLock({ $0 }) else { throw error }
            throw LuaCall.memoryRefusal(Double(grown), for: what + " so far")
        }
    }
}
