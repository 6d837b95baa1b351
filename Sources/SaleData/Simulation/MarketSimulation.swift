import Cancellation
import NumberText
import SafeOutput

/// A sale in several markets at once, each with its own clock, currency and campaigns: the orders
/// of one `SaleSimulation` per market (same start, length, surge and closing rush; the market's
/// customers follow its local hours), merged in time order and written with `currency` and `country`.
public struct MarketSimulation: Sendable, Equatable, SimulatedExport {
    /// One market.
    public struct Market: Sendable, Equatable {
        /// Its name, the `country` column's value (`DE`).
        public var name: String
        /// Its customers' clock: their day peaks at 20:00 local and is quietest at 04:00.
        public var zone: ShopZone
        /// The currency its customers pay in (`EUR`).
        public var currency: String
        /// Value of one unit of its currency in the reporting currency (1.08 for EUR in USD).
        public var rate: Double
        /// Its share of the sale's orders (shares are normalised).
        public var share: Double
        /// Its own campaigns (minutes after the sale's start), beside the sale's.
        public var campaigns: [SaleSimulation.Campaign]

        /// A market; its campaigns default to none.
        public init(name: String, zone: ShopZone, currency: String, rate: Double, share: Double,
                    campaigns: [SaleSimulation.Campaign] = []) {
            self.name = name
            self.zone = zone
            self.currency = currency
            self.rate = rate
            self.share = share
            self.campaigns = campaigns
        }
    }

    /// What the markets share: seed, start, length, expected orders (of all markets), surge, closing
    /// rush, daily depth, baskets (in the reporting currency), the campaigns every market gets, and
    /// the zone and format the times are written in.
    public var sale: SaleSimulation
    /// The markets.
    public var markets: [Market]
    /// The currency amounts are reported in (rates convert to it).
    public var reportingCurrency = "USD"

    /// Markets in a shared sale.
    public init(sale: SaleSimulation = SaleSimulation(), markets: [Market] = MarketSimulation.example) {
        self.sale = sale
        self.markets = markets
    }

    /// Four markets around the world, each with an e-mail on its own morning of the second day.
    public static let example: [Market] = [
        Market(name: "DE", zone: ShopZone("Europe/Berlin") ?? .utc, currency: "EUR", rate: 1.08, share: 0.35,
               campaigns: [SaleSimulation.Campaign(minute: 1980, lift: 2, halfLife: 45)]),
        Market(name: "US", zone: ShopZone("America/New_York") ?? .utc, currency: "USD", rate: 1, share: 0.3,
               campaigns: [SaleSimulation.Campaign(minute: 2280, lift: 1.5, halfLife: 30)]),
        Market(name: "JP", zone: ShopZone("Asia/Tokyo") ?? .utc, currency: "JPY", rate: 0.0067, share: 0.2,
               campaigns: [SaleSimulation.Campaign(minute: 1500, lift: 1, halfLife: 60)]),
        Market(name: "BR", zone: ShopZone("America/Sao_Paulo") ?? .utc, currency: "BRL", rate: 0.2, share: 0.15),
    ]

    /// Most expected orders a market simulation takes: the markets' orders are merged in memory
    /// (about 160 bytes an order, 8 GB at this size).
    public static let maximumOrders = 5e7

    /// The rates that read the export back in the reporting currency.
    public var rates: CurrencyRates {
        CurrencyRates(reporting: reportingCurrency,
                      rates: Dictionary(markets.map { ($0.currency, $0.rate) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The simulation of one market: the shared sale with the market's share of the orders, its
    /// customers on its clock, the sale's campaigns and its own, its own seed.
    public func simulation(of index: Int) -> SaleSimulation {
        let market = markets[index]
        let shares = markets.reduce(0) { $0 + max($1.share, 0) }
        var simulation = sale
        simulation.seed = sale.seed &* 1_000_003 &+ UInt64(index + 1)
        simulation.expectedOrders = shares > 0 ? sale.expectedOrders * max(market.share, 0) / shares : 0
        simulation.regions = [SaleSimulation.Region(utcOffsetHours: Double(market.zone.offset(atUTC: sale.start * 60)) / 3600,
                                                    share: 1)]
        simulation.campaigns = sale.campaigns + market.campaigns
        return simulation
    }

    /// Every market's orders merged in time order (ids renumbered from the sale's first id), each
    /// with its market's index.
    public func orders() -> [(order: SimulatedOrder, market: Int)] {
        var all: [(order: SimulatedOrder, market: Int)] = []
        for index in markets.indices {
            for order in simulation(of: index).orders() { all.append((order, index)) }
        }
        all.sort { ($0.order.second, $0.market, $0.order.id) < ($1.order.second, $1.market, $1.order.id) }
        for position in all.indices { all[position].order.id = sale.firstOrderID + position }
        return all
    }

    /// Writes `order_id,order_time,customer,amount,currency,country` into `file` (not committed):
    /// amounts in the market's currency, customers named by market (`DE-c0000012`). Returns the
    /// orders written; asks `CancellationCheck` every 4096 orders. `write(to:)` writes a path atomically.
    public func write(into file: OutputFile) throws -> Int {
        var text = "order_id,order_time,customer,amount,currency,country\n"
        let orders = orders()
        for (count, (order, index)) in orders.enumerated() {
            if count % 4096 == 0, CancellationCheck.isRequested { throw CancellationError() }
            let market = markets[index]
            let cents = SaleSimulation.cents(Double(order.cents) / 100 / market.rate)  // capped, as every basket
            text += "\(order.id),\(sale.timeText(second: order.second)),\(market.name)-\(order.customerLabel),"
                + "\(NumberFormat.cents(cents)),\(market.currency),\(market.name)\n"
            if text.utf8.count >= 1 << 20 {
                try file.write(Array(text.utf8))
                text = ""
            }
        }
        try file.write(Array(text.utf8))
        return orders.count
    }
}
