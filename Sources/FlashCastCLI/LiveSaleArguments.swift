import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FlashREPL
import Forecasting
import OrderSources
import SaleData
import SaleReports

/// The arguments of `flashcast repl --orders live.csv ...` (or `--db URL --table NAME ...`): the sale
/// followed during the session.
struct LiveSaleArguments: ParsableArguments {
    @Option(help: ArgumentHelp("An orders export growing during a sale, preloaded as 'sale'.", valueName: "live.csv"))
    var orders: String?

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The sale's first minute (with --db; default its first order).", valueName: "time"))
    var from: String?

    @OptionGroup var earlier: HistoryArgument

    @OptionGroup var goal: TargetArgument

    @OptionGroup var saleEnd: SaleEndArgument

    @Option(help: ArgumentHelp("The sale's length in minutes from its first minute (--from, else its first order's).", valueName: "n"))
    var minutes: Int?

    @Option(help: ArgumentHelp("Replay a past sale as it stood at this minute.", valueName: "time"))
    var now: String?

    @OptionGroup var fields: ExportFieldOptions

    @OptionGroup var money: CurrencyOptions

    @Option(help: ArgumentHelp("The forecasting model.", valueName: "name"))
    var model: ForecastModel?

    @OptionGroup var grouping: GroupingOptions

    /// True when a sale is followed: an export or a database table.
    var follows: Bool { orders != nil || database.db != nil }

    /// Checks which options go together; the values' ranges are `LiveSaleOptions`' to check.
    func validate() throws {
        if orders == nil, fields.decimal != nil || fields.dates != nil { throw ValidationError("--decimal and --dates go with --orders") }
        if !follows, [earlier.history, now, from].contains(where: { $0 != nil }) || saleEnd.end != nil || fields.tz != nil
            || model != nil || goal.target != nil
            || minutes != nil || fields.map != nil || database.table != nil || database.filter != nil || money.currency != nil
        {
            throw ValidationError("--history, --target, --end, --minutes, --now, --tz, --map, --currency and --model go with --orders or --db")
        }
        if grouping.by != nil, !follows { throw ValidationError("--by goes with --orders or --db") }
        if database.db != nil {
            try database.validate(input: orders, map: fields.map, lenient: false, currency: money.currency)
        } else if from != nil {
            throw ValidationError("--from goes with --db (an export starts at its first order)")
        }
    }

    /// Opens the followed sale: an option out of range is a usage error; a database that cannot be
    /// opened, a bad table or column name, or an unreadable --history ends with status 1.
    func open() throws -> LiveSale {
        let options = try saleOptions()
        do throws(LiveSaleOpenError) {
            return try LiveSale.open(options)
        } catch {
            switch error {
            case .option(let problem): throw ValidationError("--\(problem.key) " + problem.problem { "--\($0)" })
            case .source(let failure): throw Self.failure(failure.message)
            }
        }
    }

    /// The sale's options, as `live.open` would read them from the same values.
    private func saleOptions() throws -> LiveSaleOptions {
        let zone = fields.zone
        var options = LiveSaleOptions(source: try source(zone: zone))
        options.plan.length = minutes
        options.plan.now = try minute(now, "--now", zone: zone)
        // a clock time is the next one after the replayed minute, else after the current minute
        options.plan.end = saleEnd.end?.minute(after: options.plan.now ?? Int(Date().timeIntervalSince1970 / 60), zone: zone)
        options.plan.target = goal.target
        if let history = earlier.history {
            do { options.plan.history = try options.earlierSale(path: history) } catch { throw Self.failure("\(error)") }
        }
        if let model { options.settings.model = model }
        options.groups = grouping.by.map { column in
            var groups = LiveGrouping(column: column)
            groups.maxGroups = grouping.settings.maxGroups
            groups.zones = grouping.settings.zones?.zones ?? [:]
            return groups
        }
        return options
    }

    /// The export with its reading options, or the database table with its columns (the CSV names
    /// `order_time` and `amount` unless --map names others).
    private func source(zone: ShopZone) throws -> LiveSource {
        guard let db = database.db else {
            var reading = OrdersReadOptions()
            fields.apply(to: &reading)
            reading.rates = money.currencyRates
            return .export(path: orders ?? "", reading: reading)
        }
        let columns = fields.map?.columns ?? OrderColumns()
        do {
            let query = try MinuteQuery(table: database.table ?? "", time: columns.time ?? "order_time",
                                        amount: columns.amount ?? "amount", customer: columns.customer,
                                        where: database.filter, zone: zone,
                                        currency: try DatabaseOptions.conversion(columns, money.currencyRates))
            return .database(try DatabaseURL(db), query: query, from: try minute(from, "--from", zone: zone))
        } catch let error as OrderSourceError {
            throw Self.failure(error.message)
        }
    }

    /// The minute of a time option, or nil when it is not given.
    private func minute(_ text: String?, _ name: String, zone: ShopZone) throws -> Int? {
        guard let text else { return nil }
        guard let minute = zone.minute(ofTimeOrDate: text) else { throw ValidationError("\(name) is not a time: '\(text)'") }
        return minute
    }

    /// Reports `message` on standard error and ends with status 1.
    private static func failure(_ message: String) -> ExitCode {
        StandardError.write("flashcast: \(message)\n")
        return ExitCode(1)
    }
}
