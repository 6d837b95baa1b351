#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How often and after which pauses a query that lost its connection is tried again.
public struct RetryPolicy: Sendable {
    /// The pauses, in seconds, before each new attempt; their count is the number of retries.
    public var delays: [Double]
    /// Waits between attempts (tests pass one that does not sleep).
    public var sleep: @Sendable (Double) -> Void

    /// A policy with the given pauses.
    public init(delays: [Double], sleep: @escaping @Sendable (Double) -> Void = { usleep(UInt32($0 * 1_000_000)) }) {
        self.delays = delays
        self.sleep = sleep
    }

    /// Four retries after 0.5, 1, 2 and 4 seconds: a restarted server or a dropped link is
    /// usually back within that, and a REPL user waits under eight seconds when it is not.
    public static let standard = RetryPolicy(delays: [0.5, 1, 2, 4])

    /// Runs `body`, trying again after each pause when it fails with a lost connection; every
    /// retry, and the recovery, is told to `report`. Other errors, and the last lost connection,
    /// are thrown.
    public func run<T>(what: String, report: (String) -> Void, _ body: () throws(OrderSourceError) -> T)
        throws(OrderSourceError) -> T {
        var attempt = 0
        while true {
            do {
                let value = try body()
                if attempt > 0 { report("\(what): connection back after \(attempt) \(attempt == 1 ? "retry" : "retries")") }
                return value
            } catch where error.isConnectionLost && attempt < delays.count {
                let pause = delays[attempt]
                attempt += 1
                report("\(what): \(error.message); retry \(attempt) of \(delays.count) in \(Self.seconds(pause))")
                sleep(pause)
            } catch where error.isConnectionLost {
                throw OrderSourceError("\(error.message) (gave up after \(attempt) \(attempt == 1 ? "retry" : "retries"))",
                                       connectionLost: true)
            }
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
