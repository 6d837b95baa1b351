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
            """,
        discussion: """
            Deterministic by seed: the same options give the same file byte for byte. The sale has an opening \
            surge, the daily cycle of customers in three time zones, a closing rush, log-normal baskets and \
            repeat customers; each --campaign adds an e-mail spike HH:MM after the start (HH may pass 23), \
            peaking at LIFT times the base rate 5 minutes after the mail and halving every HALFLIFE minutes.
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

    func validate() throws {
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
        do { written = try sale.write(to: output) } catch {
            StandardError.write("flashcast: \(error)\n")
            throw ExitCode(1)
        }
        CommandOutputs.report("wrote \(written) orders to \(output)\n", outputs: [output])
    }
}
