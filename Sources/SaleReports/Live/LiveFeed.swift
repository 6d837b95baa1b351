import OrderSources
import SaleData

/// Where a followed sale's orders come from: a source that appends minutes as the sale runs (a
/// growing export, or a database asked only for the minutes after the last complete one).
public protocol LiveFeed: AnyObject {
    /// The export's path or the database's url and table, never with a password.
    var name: String { get }
    /// What the last refresh asked for, when the source is asked for ranges of minutes.
    var asked: String? { get }
    /// The per-minute table of all orders so far, reading or asking only what is new; retries and
    /// recoveries are told to `report`. A connection lost for good throws an `OrderSourceError`
    /// marked `isConnectionLost`.
    func refresh(report: (String) -> Void) throws -> MinuteTable
    /// Each group's table over the total's minutes as of the last refresh, in name order (empty when
    /// the sale is not broken down).
    var groups: [OrderGroup] { get }
}

extension LiveOrders: LiveFeed {
    public var name: String { path }
    public var asked: String? { nil }

    public func refresh(report: (String) -> Void) throws -> MinuteTable { try refresh().table }
}

/// A sale followed in its database through a `LiveOrderQuery`.
public final class DatabaseFeed: LiveFeed {
    /// The query asking for the new minutes.
    public let live: LiveOrderQuery
    /// The database's url without its password.
    public let url: String

    /// The sale `live` asks for, in the database at `url` (given without its password).
    public init(_ live: LiveOrderQuery, url: String) {
        self.live = live
        self.url = url
    }

    public var name: String { "table '\(live.query.table)' of '\(url)'" }

    public var asked: String? {
        guard let range = live.lastRequest else { return nil }
        let zone = live.query.zone
        let from = range.lowerBound == .min ? "the first order" : zone.label(minute: range.lowerBound)
        return "\(from) .. \(zone.label(minute: range.upperBound))"
    }

    public func refresh(report: (String) -> Void) throws -> MinuteTable { try live.refresh(report: report) }

    public var groups: [OrderGroup] { live.groups }
}
