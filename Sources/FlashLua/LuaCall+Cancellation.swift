import Cancellation
import LuaBridge

extension LuaCall {
    /// Runs long domain work (training, back-tests, learning, simulations) so that an interrupt of
    /// the state (Ctrl-C, a timeout, `os.exit`) stops it within a few milliseconds: the domain's
    /// loops see `CancellationCheck.isRequested`, and the bridge reports the error they stop with as
    /// the interrupt's own.
    func cancellable<Result, Failure: Error>(_ work: () throws(Failure) -> Result) throws(Failure) -> Result {
        guard let handle = state?.interruptHandle else { return try work() }
        return try CancellationCheck.observing({ handle.isRequested }, during: work)
    }
}
