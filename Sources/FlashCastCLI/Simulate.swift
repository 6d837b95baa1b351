import ArgumentParser
import FlashREPL
import SaleData

/// `flashcast simulate -o orders.csv`: a simulated flash sale as an orders CSV, as `orders.simulate` makes it.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a simulated flash sale as an orders CSV (order_id,order_time,customer,amount).",
        usage: """
            flashcast simulate --output <orders.csv> [--minutes <minutes>]
                [--seed <seed>] [--orders <count>] [--start <time>] [--tz <zone>]
                [--format <format>] [--campaign <HH:MM:LIFT[:HALFLIFE]> ...]
                [--markets | --market <NAME:ZONE:CURRENCY:RATE:SHARE> ...]
                [--market-campaign <NAME=HH:MM:LIFT[:HALFLIFE]> ...]
            """,
        discussion: """
            Deterministic by seed: the same options give the same file byte for byte. The sale has an opening \
            surge, the daily cycle of customers in three time zones, a closing rush, log-normal baskets and \
            repeat customers; each --campaign adds an e-mail spike HH:MM after the start (HH may pass 23), \
            peaking at LIFT times the base rate 5 minutes after the mail and halving every HALFLIFE minutes.

            With --markets (or --market, repeatable) the sale runs in several markets at once, each with its \
            customers on its own clock, its currency and its own campaigns (--market-campaign), and the file \
            gains currency and country columns (amounts in the market's currency; read it back with \
            --currency USD --rates ... as the report line says). --markets is DE (Europe/Berlin, EUR), US \
            (America/New_York, USD), JP (Asia/Tokyo, JPY) and BR (America/Sao_Paulo, BRL), each but BR with an \
            e-mail on its own morning of the second day.
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("The orders CSV to write.", valueName: "orders.csv"))
    var output: String

    @Option(help: ArgumentHelp("Length of the sale in minutes.", valueName: "minutes"))
    var minutes = 4320

    @Option(help: ArgumentHelp("Seed of the random generator.", valueName: "seed"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Expected number of orders over the sale.", valueName: "count"))
    var orders = 200_000.0

    @Option(help: ArgumentHelp("First minute of the sale, in --tz.", valueName: "time"))
    var start = "2021-05-20T00:00"

    @Option(help: ArgumentHelp("Time zone the order times are written in.", valueName: "zone"))
    var tz = ShopZone.utc

    @Option(help: ArgumentHelp("How times are written: local, offset or epoch.", valueName: "format"))
    var format = SaleSimulation.TimeFormat.local

    @Option(help: ArgumentHelp("An e-mail campaign (repeatable).", valueName: "HH:MM:LIFT[:HALFLIFE]"))
    var campaign: [CampaignArgument] = []

    @Flag(help: "Sell in four example markets at once (DE, US, JP, BR).")
    var markets = false

    @Option(help: ArgumentHelp("A market (repeatable): its name, zone, currency, value of its currency in USD and share of the orders.",
                               valueName: "NAME:ZONE:CURRENCY:RATE:SHARE"))
    var market: [MarketArgument] = []

    @Option(help: ArgumentHelp("A campaign of one market only (repeatable).", valueName: "NAME=HH:MM:LIFT[:HALFLIFE]"))
    var marketCampaign: [MarketCampaignArgument] = []

    func validate() throws {
        try CommandOutputs.check([("-o", output)], inputs: [])
        if markets, !market.isEmpty { throw ValidationError("--markets and --market do not go together") }
        if markets || !market.isEmpty, orders > MarketSimulation.maximumOrders {
            throw ValidationError("--orders must be at most 5e7 with markets (their orders are merged in memory)")
        }
        let names = markets ? MarketSimulation.example.map(\.name) : market.map(\.market.name)
        for item in marketCampaign where !names.contains(item.name) {
            throw ValidationError("--market-campaign names no market: '\(item.name)'")
        }
        guard (1...366 * 1440).contains(minutes) else { throw ValidationError("--minutes must be between 1 and 527040") }
        guard orders > 0, orders <= 1e9 else { throw ValidationError("--orders must be between 1 and 1e9") }
        guard tz.minute(ofTimeOrDate: start) != nil else { throw ValidationError("--start is not a time: '\(start)'") }
    }

    func run() throws {
        var sale = SaleSimulation()
        sale.minutes = minutes
        sale.seed = seed
        sale.expectedOrders = orders
        sale.zone = tz
        sale.start = tz.minute(ofTimeOrDate: start) ?? sale.start
        sale.timeFormat = format
        sale.campaigns = campaign.map(\.campaign)
        let written: Int
        var note = ""
        do {
            if markets || !market.isEmpty {
                var simulation = MarketSimulation(sale: sale, markets: markets ? MarketSimulation.example : market.map(\.market))
                for item in marketCampaign {
                    for index in simulation.markets.indices where simulation.markets[index].name == item.name {
                        simulation.markets[index].campaigns.append(item.campaign)
                    }
                }
                written = try simulation.write(to: output)
                note = " in \(simulation.markets.count) markets (read with --currency \(simulation.reportingCurrency) --rates "
                    + simulation.markets.map { "\($0.currency)=\($0.rate)" }.joined(separator: ",") + ")"
            } else {
                written = try sale.write(to: output)
            }
        } catch {
            StandardError.write("flashcast: \(error)\n")
            throw ExitCode(1)
        }
        CommandOutputs.report("wrote \(written) orders to \(output)\(note)\n", outputs: [output])
    }
}

/// `--market DE:Europe/Berlin:EUR:1.08:0.35`.
struct MarketArgument: ExpressibleByArgument {
    let market: MarketSimulation.Market

    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, !parts[0].isEmpty, !parts[0].contains(","), let zone = ShopZone(parts[1]), !parts[2].isEmpty,
              let rate = Double(parts[3]), rate > 0, rate.isFinite, let share = Double(parts[4]), share > 0, share.isFinite
        else { return nil }
        market = MarketSimulation.Market(name: parts[0], zone: zone, currency: parts[2], rate: rate, share: share)
    }
}

/// `--market-campaign DE=33:00:2:45`.
struct MarketCampaignArgument: ExpressibleByArgument {
    let name: String
    let campaign: SaleSimulation.Campaign

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let campaign = SaleSimulation.Campaign(spec: parts[1]) else { return nil }
        name = parts[0]
        self.campaign = campaign
    }
}
