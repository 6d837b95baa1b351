import OrderSources
import SaleData

/// Where a followed sale's orders come from.
public enum LiveSource: Sendable {
    /// An orders export that grows during the sale, read with `reading`.
    case export(path: String, reading: OrdersReadOptions)
    /// The orders table of the shop's database. The sale opens asking `query` for its minutes from
    /// `from` (default its first order) to its end.
    case database(DatabaseURL, query: MinuteQuery, from: Int?)

    /// The shop's zone: times without an offset are read in it, minutes are labelled in it.
    public var zone: ShopZone {
        switch self {
        case .export(_, let reading): reading.zone
        case .database(_, let query, _): query.zone
        }
    }
}

/// What a followed sale is opened with: where its orders come from, what it is measured against
/// and how it is forecast. `flashcast repl --orders`/`--db` builds it from its arguments, `live.open`
/// from a Lua table; `LiveSale.open` checks it once.
public struct LiveSaleOptions: Sendable {
    /// Where the orders come from.
    public var source: LiveSource
    /// The sale's end, target, replay minute and earlier sale.
    public var plan = SalePlan()
    /// The model, its training window, the band's level, and when to train again and alert.
    public var settings = LiveForecastSettings()
    /// The breakdown each refresh measures.
    public var groups: LiveGrouping?

    /// A sale followed from `source` with an empty plan and the default settings.
    public init(source: LiveSource) {
        self.source = source
    }

    /// How an earlier sale's orders export is read: as this sale's export is, or, for a sale in a
    /// database, with the default column names in the shop's zone.
    public var historyReading: OrdersReadOptions {
        switch source {
        case .export(_, let reading): return reading
        case .database(_, let query, _):
            var reading = OrdersReadOptions()
            reading.zone = query.zone
            return reading
        }
    }

    /// The revenue per minute of the earlier sale at `path`: a per-minute CSV (what `flashcast aggregate`
    /// writes), or an orders export read with `historyReading`.
    public func earlierSale(path: String) throws -> Series {
        if Series.isMinuteCSV(path: path) { return try Series.loadColumn("revenue", from: path, zone: historyReading.zone) }
        return try OrdersReader.read(path: path, options: historyReading).table.revenue
    }

    /// Throws the first option out of range: the plan's, then the settings'.
    public func validate() throws(LiveOptionError) {
        if let length = plan.length, length < 1 { throw .outOfRange("minutes", "must be at least 1") }
        if plan.end != nil, plan.length != nil { throw .conflict("minutes", with: "end") }
        if let target = plan.target, !(target > 0 && target.isFinite) { throw .outOfRange("target", "must be a positive amount") }
        if let target = plan.target, target >= SalePlan.largestTarget { throw .outOfRange("target", "must be below 1e15") }
        if settings.train < 2 { throw .outOfRange("train", "must be at least 2") }
        guard settings.level > 0, settings.level < 1 else { throw .outOfRange("level", "must be between 0 and 1 (0.8 for 80%)") }
        if settings.retrain < 1 { throw .outOfRange("retrain", "must be at least 1") }
        if settings.consecutive < 1 { throw .outOfRange("consecutive", "must be at least 1") }
        if settings.lookback < 0 { throw .outOfRange("lookback", "must be at least 0") }
        if let groups, groups.maxGroups < 1 { throw .outOfRange("max_groups", "must be at least 1") }
    }
}

/// A live-sale option out of range, named by its key; each front end words it its own way:
/// `option 'minutes' must be at least 1` in Lua, `--minutes must be at least 1` on the command line.
public enum LiveOptionError: Error, Equatable, Sendable {
    /// Option `key` breaks `requirement` (`must be at least 1`).
    case outOfRange(_ key: String, _ requirement: String)
    /// Option `key` is given with option `other`, which it cannot go with.
    case conflict(_ key: String, with: String)

    /// The option at fault.
    public var key: String {
        switch self {
        case .outOfRange(let key, _), .conflict(let key, _): key
        }
    }

    /// What is wrong with the option, another option named by `name`: `cannot go with 'end'`.
    public func problem(naming name: (String) -> String) -> String {
        switch self {
        case .outOfRange(_, let requirement): requirement
        case .conflict(_, let other): "cannot go with \(name(other))"
        }
    }
}
