import OrderSources
import SaleData

/// Where a followed sale's orders come from: a source that appends minutes as the sale runs (a
/// growing export, or a database asked only for the minutes after the last complete one).
protocol LiveFeed: AnyObject {
    /// The export's path or the database's url and table, never with a password.
    var name: String { get }
    /// What the last refresh asked for, when the source is asked for ranges of minutes.
    var asked: String? { get }
    /// The per-minute table of all orders so far, reading or asking only what is new; retries and
    /// recoveries are told to `report`. A connection lost for good throws an `OrderSourceError`
    /// marked `isConnectionLost`.
    func refresh(report: (String) -> Void) throws -> MinuteTable
}

extension LiveOrders: LiveFeed {
    var name: String { path }
    var asked: String? { nil }

    func refresh(report: (String) -> Void) throws -> MinuteTable { try refresh().table }
}

/// A sale followed in its database through a `LiveOrderQuery`.
final class DatabaseFeed: LiveFeed {
    let live: LiveOrderQuery
    /// The database's url without its password.
    let url: String

    init(_ live: LiveOrderQuery, url: String) {
        self.live = live
        self.url = url
    }

    var name: String { "table '\(live.query.table)' of '\(url)'" }

    var asked: String? {
        guard let range = live.lastRequest else { return nil }
        let zone = live.query.zone
        let from = range.lowerBound == .min ? "the first order" : zone.label(minute: range.lowerBound)
        return "\(from) .. \(zone.label(minute: range.upperBound))"
    }

    func refresh(report: (String) -> Void) throws -> MinuteTable { try live.refresh(report: report) }
}
