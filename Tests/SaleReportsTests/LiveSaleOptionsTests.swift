import OrderSources
import SaleData
import SaleReports
import Testing

/// `LiveSaleOptions.validate()`: the one check of a followed sale's options, worded by each front end.
@Suite struct LiveSaleOptionsTests {
    static func options(_ change: (inout LiveSaleOptions) -> Void) -> LiveSaleOptions {
        var options = LiveSaleOptions(source: .export(path: "live.csv", reading: OrdersReadOptions()))
        change(&options)
        return options
    }

    @Test func theDefaultsAndAWholePlanPass() throws {
        try Self.options { _ in }.validate()
        try Self.options {
            $0.plan.length = 1
            $0.plan.target = 0.01
            $0.settings.train = 2
            $0.settings.lookback = 0
        }.validate()
    }

    @Test(arguments: [
        (Self.options { $0.plan.length = 0 }, LiveOptionError.outOfRange("minutes", "must be at least 1"),
         "option 'minutes' must be at least 1", "--minutes must be at least 1"),
        (Self.options { $0.plan.end = 100; $0.plan.length = 5 }, .conflict("minutes", with: "end"),
         "option 'minutes' cannot go with 'end'", "--minutes cannot go with --end"),
        (Self.options { $0.plan.target = 0 }, .outOfRange("target", "must be a positive amount"),
         "option 'target' must be a positive amount", "--target must be a positive amount"),
        (Self.options { $0.plan.target = .infinity }, .outOfRange("target", "must be a positive amount"),
         "option 'target' must be a positive amount", "--target must be a positive amount"),
        (Self.options { $0.settings.train = 1 }, .outOfRange("train", "must be at least 2"),
         "option 'train' must be at least 2", "--train must be at least 2"),
        (Self.options { $0.settings.level = 1 }, .outOfRange("level", "must be between 0 and 1 (0.8 for 80%)"),
         "option 'level' must be between 0 and 1 (0.8 for 80%)", "--level must be between 0 and 1 (0.8 for 80%)"),
        (Self.options { $0.settings.retrain = 0 }, .outOfRange("retrain", "must be at least 1"),
         "option 'retrain' must be at least 1", "--retrain must be at least 1"),
        (Self.options { $0.settings.consecutive = 0 }, .outOfRange("consecutive", "must be at least 1"),
         "option 'consecutive' must be at least 1", "--consecutive must be at least 1"),
        (Self.options { $0.settings.lookback = -1 }, .outOfRange("lookback", "must be at least 0"),
         "option 'lookback' must be at least 0", "--lookback must be at least 0"),
    ])
    func theFirstOptionOutOfRangeIsNamed(options: LiveSaleOptions, expected: LiveOptionError, lua: String, commandLine: String) {
        #expect(throws: expected) { try options.validate() }
        #expect("option '\(expected.key)' " + expected.problem { "'\($0)'" } == lua)
        #expect("--\(expected.key) " + expected.problem { "--\($0)" } == commandLine)
    }

    @Test func openingChecksTheOptionsFirst() {
        do {
            _ = try LiveSale.open(Self.options { $0.plan.length = 0 })
            Issue.record("a sale of 0 minutes opened")
        } catch {
            guard case .option(let problem) = error else { Issue.record("expected an option error, got \(error)"); return }
            #expect(problem == .outOfRange("minutes", "must be at least 1"))
        }
    }

    @Test func anEarlierSaleIsReadAsTheSalesExportOrWithTheDefaultColumnsInTheDatabasesZone() throws {
        let zone = try #require(ShopZone("+08:00"))
        var reading = OrdersReadOptions()
        reading.zone = zone
        reading.columns = OrderColumns(time: "created_at", amount: "total")
        let export = LiveSaleOptions(source: .export(path: "live.csv", reading: reading)).historyReading
        #expect(export.columns.time == "created_at" && export.zone == zone)
        let query = try MinuteQuery(table: "orders", time: "created_at", amount: "total", zone: zone)
        let database = LiveSaleOptions(source: .database(.sqlite(path: "shop.db"), query: query, from: nil)).historyReading
        #expect(database.columns.time == nil && database.zone == zone)
    }
}
