import Foundation
@testable import OrderSources

/// An order source holding rows in memory that records what it is asked and can fail on cue.
final class ScriptedSource: OrderSource {
    /// The rows, each with its group; a query without a group column gets them added up by minute.
    var rows: [MinuteRow] = []
    /// Each request's `from`, `through` and group column.
    var requests: [(from: Int?, through: Int?, group: String?)] = []
    /// Errors thrown by the next requests, first first.
    var failures: [OrderSourceError] = []

    func minuteRows(_ query: MinuteQuery, from: Int?, through: Int?) throws(OrderSourceError) -> [MinuteRow] {
        requests.append((from, through, query.group?.description))
        if !failures.isEmpty { throw failures.removeFirst() }
        let asked = rows.filter { $0.minute >= (from ?? .min) && $0.minute <= (through ?? .max) }
        guard query.group == nil else { return asked }
        return MinuteRow.merged(asked.map { MinuteRow(minute: $0.minute, cents: $0.cents, orders: $0.orders, customers: $0.customers) })
    }

    static let lost = OrderSourceError("query on 'postgres://shop@db/sales' failed: server closed the connection",
                                       connectionLost: true)
}

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    var seconds: Int
    init(_ seconds: Int) { self.seconds = seconds }
}

/// Pauses recorded instead of slept.
final class PauseLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Double] = []
    var pauses: [Double] { lock.withLock { recorded } }
    var policy: RetryPolicy { RetryPolicy(delays: [0.5, 1, 2]) { pause in self.lock.withLock { self.recorded.append(pause) } } }
}
