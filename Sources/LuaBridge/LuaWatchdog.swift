import Dispatch
import Synchronization

/// Watches a Lua run from its own thread: interrupts it at a deadline, and reports when an interrupt
/// goes unanswered for `grace` or closing the state takes too long.
///
/// Hooks cannot reach a finalizer (Lua runs them with hooks off) nor a long C function such as
/// `string.rep`; the watchdog is the last line: its host decides what a stall means (a hint in the
/// REPL, the end of the process for a scheduled run).
public final class LuaWatchdog: @unchecked Sendable {  // the timer is only set up and cancelled; `watch` is locked
    /// What went on too long.
    public enum Stall: Sendable, Equatable {
        /// An interrupt (its message) has gone unanswered for the grace period, or closing the state
        /// went on past the deadline's grace.
        case interrupt(String)
        /// Closing the state, which runs the finalizers, took longer than allowed.
        case closing
    }

    private struct Watch {
        var phase = Phase.running
        var deadline: (at: ContinuousClock.Instant, message: String)?
        /// The interrupt already reported, so each one is reported once.
        var reported = false
    }

    private enum Phase {
        case running
        /// The state is being closed: it must not be touched, only timed.
        case closing(until: ContinuousClock.Instant?)
        case stopped
    }

    private let handle: LuaInterruptHandle
    private let grace: Duration
    private let stalled: @Sendable (Stall) -> Void
    private let watch = Mutex(Watch())
    private let timer: any DispatchSourceTimer

    /// How often the watchdog looks.
    static let period = Duration.milliseconds(50)

    /// Starts watching the state of `handle`; `stalled` runs on the watchdog's thread.
    public init(_ handle: LuaInterruptHandle, grace: Duration, stalled: @escaping @Sendable (Stall) -> Void) {
        self.handle = handle
        self.grace = grace
        self.stalled = stalled
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "flashcast.lua-watchdog"))
        let milliseconds = Int(Self.period / .milliseconds(1))
        timer.schedule(deadline: .now(), repeating: .milliseconds(milliseconds))
        timer.setEventHandler { [weak self] in self?.look() }
        timer.resume()
    }

    /// Interrupts the run with `message` (a final interrupt, as for a timeout) once `delay` has
    /// passed, unless an earlier deadline is set. Safe from any thread, also once closed or stopped.
    public func interrupt(after delay: Duration, message: String) {
        let deadline = ContinuousClock.now + delay
        watch.withLock { watch in
            if let earlier = watch.deadline, earlier.at <= deadline { return }
            watch.deadline = (deadline, message)
        }
    }

    /// Closes `state`, running its finalizers, and stops watching; reports `.closing` if closing is
    /// not over within `limit` (nil: no limit of its own) or by the deadline and the grace period.
    public func close(_ state: LuaState, within limit: Duration? = nil) {
        watch.withLock {
            $0.phase = .closing(until: limit.map { ContinuousClock.now + $0 })
            $0.reported = false
        }
        state.close()
        stop()
    }

    /// Stops watching; the state may be closed without the watchdog afterwards.
    public func stop() {
        watch.withLock { $0.phase = .stopped }
        timer.cancel()
    }

    deinit {
        timer.cancel()
    }

    private func look() {
        let now = ContinuousClock.now
        let stall: Stall? = watch.withLock { watch in
            switch watch.phase {
            case .stopped:
                return nil
            case .closing(let until):
                guard !watch.reported else { return nil }
                if let deadline = watch.deadline, now > deadline.at + grace {
                    watch.reported = true
                    return .interrupt(deadline.message)
                }
                guard let until, now > until else { return nil }
                watch.reported = true
                return .closing
            case .running:
                if let deadline = watch.deadline, now >= deadline.at {
                    handle.interrupt(message: deadline.message, final: true)
                }
                guard handle.isRequested else {
                    watch.reported = false
                    return nil
                }
                guard !watch.reported, handle.pendingFor >= grace else { return nil }
                watch.reported = true
                return .interrupt(handle.message)
            }
        }
        if let stall { stalled(stall) }
    }
}
