#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SaleData

/// A per-minute table kept up to date during a sale: each `refresh()` asks the database only for
/// the minutes after the last complete one, and keeps the complete minutes it already has.
///
/// A minute is complete once the clock has passed its end by `settleSeconds` (orders committed a
/// little late still count); the minute in progress is fetched again on every refresh. A lost
/// connection is retried by `retry` and each attempt reported, so a live run survives a server
/// restart. With a grouping, each refresh also asks for the new minutes by group (`GROUP BY group,
/// minute`) and keeps every group's table over the total's minutes.
public final class LiveOrderQuery {
    /// Where the orders are.
    public let source: any OrderSource
    /// What is aggregated; its window, when given, bounds the table.
    public let query: MinuteQuery
    /// Pauses between attempts after a lost connection.
    public var retry: RetryPolicy
    /// Seconds after a minute's end before it counts as complete.
    public var settleSeconds: Int
    /// The table after the last refresh: complete minutes and the one in progress.
    public private(set) var table: MinuteTable
    /// The minutes, counted in UTC, each refresh asked the database for (`from...through`).
    public private(set) var lastRequest: ClosedRange<Int>?
    /// The query by group (`query` with `group` set), when the sale is broken down.
    public let groupQuery: MinuteQuery?
    /// The breakdown's limits and zones, when the sale is broken down.
    public let grouping: OrderGrouping?
    /// Each group's table over the total's minutes after the last refresh, in name order (empty
    /// without a grouping).
    public private(set) var groups: [OrderGroup] = []

    private let clock: () -> Int
    private var completeRows: [MinuteRow] = []
    private var completeGroupRows: [MinuteRow] = []
    private var completeThrough: Int?

    /// A live query, broken down by the column `groups.column` names when given; `clock` gives the
    /// current time in seconds since the epoch.
    public init(source: any OrderSource, query: MinuteQuery, groups: (column: SQLIdentifier, grouping: OrderGrouping)? = nil,
                retry: RetryPolicy = .standard, settleSeconds: Int = 5, clock: @escaping () -> Int = { time(nil) }) {
        self.source = source
        var query = query
        query.group = nil
        self.query = query
        groupQuery = groups.map { groups in
            var grouped = query
            grouped.group = groups.column
            return grouped
        }
        grouping = groups?.grouping
        self.retry = retry
        self.settleSeconds = settleSeconds
        self.clock = clock
        table = MinuteTable(start: query.window?.lowerBound ?? 0, zone: query.zone, revenueCents: [], orders: [],
                            customers: query.customer == nil ? nil : [])
    }

    /// Fetches the minutes after the last complete one and returns the updated table; retries
    /// are told to `report`. Past the window's end nothing is asked.
    @discardableResult
    public func refresh(report: (String) -> Void = { _ in }) throws(OrderSourceError) -> MinuteTable {
        let now = clock()
        let lastComplete = (now - settleSeconds) / 60 - 1
        let end = Swift.min(query.window?.upperBound ?? .max, now / 60)
        let from = completeThrough.map { $0 + 1 } ?? query.window?.lowerBound
        if let from, from > end { return table }
        lastRequest = (from ?? .min)...end
        let fresh = try ask(query, from: from, through: end, report: report)
        var freshGroups: [MinuteRow] = []
        if let groupQuery { freshGroups = try ask(groupQuery, from: from, through: end, report: report) }
        completeRows += fresh.filter { $0.minute <= lastComplete }
        completeGroupRows += freshGroups.filter { $0.minute <= lastComplete }
        if lastComplete >= (from ?? .min) { completeThrough = Swift.min(lastComplete, end) }
        let rows = completeRows + fresh.filter { $0.minute > lastComplete }
        guard let start = query.window?.lowerBound ?? rows.first?.minute, start <= end else { return table }
        table = try MinuteTable(rows: rows, window: start...end, zone: query.zone, customers: query.customer != nil)
        if let groupQuery, let grouping {
            groups = try OrderGroup.tables(completeGroupRows + freshGroups.filter { $0.minute > lastComplete }, over: start...end,
                                           query: groupQuery, grouping: grouping)
        }
        return table
    }

    /// The rows `query` gives for the minutes `from...through`, a lost connection retried.
    private func ask(_ query: MinuteQuery, from: Int?, through: Int, report: (String) -> Void) throws(OrderSourceError) -> [MinuteRow] {
        try retry.run(what: "live query on '\(query.table)'", report: report) { () throws(OrderSourceError) in
            try source.minuteRows(query, from: from, through: through)
        }
    }
}
