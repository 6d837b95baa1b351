#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LuaBridge
import NumberText
import SaleData

/// The options of `orders.simulate{...}`, read into a `SaleSimulation`.
enum SimulationOptions {
    static let keys: Set<String> = [
        "seed", "minutes", "orders", "start", "tz", "format", "surge", "surge_halflife", "daily_depth", "closing",
        "closing_lift", "basket_median", "basket_sigma", "repeat_share", "campaigns", "path", "markets",
    ]

    static func read(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> SaleSimulation {
        try options.allow(keys)
        var sale = SaleSimulation()
        sale.seed = UInt64(try options.integer("seed", atLeast: 0, default: Int(sale.seed)))
        sale.minutes = try options.integer("minutes", atLeast: 1, default: sale.minutes)
        guard sale.minutes <= 366 * 1440 else { throw options.error("minutes", "must be at most a year (527040)") }
        sale.expectedOrders = try options.positive("orders", default: sale.expectedOrders)
        guard sale.expectedOrders <= 1e9 else { throw options.error("orders", "must be at most 1e9") }
        sale.zone = try options.zone()
        sale.start = try options.minute("start", zone: sale.zone, call: call) ?? sale.start
        let format = try options.choice("format", SaleSimulation.TimeFormat.allCases.map(\.rawValue), default: "local")
        sale.timeFormat = SaleSimulation.TimeFormat(rawValue: format) ?? .local
        sale.surgeLift = try lift(options, "surge", sale.surgeLift)
        sale.surgeHalfLife = try options.positive("surge_halflife", default: sale.surgeHalfLife)
        sale.dailyDepth = try fraction(options, "daily_depth", sale.dailyDepth)
        sale.closingMinutes = try nonNegative(options, "closing", sale.closingMinutes)
        sale.closingLift = try lift(options, "closing_lift", sale.closingLift)
        sale.basketMedian = try options.positive("basket_median", default: sale.basketMedian)
        sale.basketSigma = try nonNegative(options, "basket_sigma", sale.basketSigma)
        try checkBaskets(sale, options)
        sale.repeatShare = try fraction(options, "repeat_share", sale.repeatShare)
        sale.campaigns = try campaigns(options, call)
        return sale
    }

    /// `campaigns={{at="09:30", lift=1.5, halflife=30, rise=5}, ...}`; `at` is minutes after the
    /// start, as a number or as `HH:MM`.
    static func campaigns(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> [SaleSimulation.Campaign] {
        try options.with("campaigns") { (list) throws(LuaError) -> [SaleSimulation.Campaign] in
            if call.isNoneOrNil(list) { return [] }
            guard call.type(at: list) == .table else {
                throw options.error("campaigns", "must be a table, got \(call.typeName(at: list))")
            }
            return try campaignList(at: list, call) { options.error("campaigns", $0) }
        }
    }

    /// The `campaigns` field of the table at `item` (a market's), or none.
    static func campaigns(in item: Int32, _ call: LuaCall, _ problem: (String) -> LuaError) throws(LuaError)
        -> [SaleSimulation.Campaign] {
        call.rawField(item, "campaigns")
        defer { call.pop() }  // pop the campaigns
        if call.isNoneOrNil(-1) { return [] }
        guard call.type(at: -1) == .table else { throw problem("'campaigns' must be a table, got \(call.typeName(at: -1))") }
        return try campaignList(at: call.count, call) { problem("'campaigns' \($0)") }
    }

    /// The campaigns of the list at `list`; `problem` words an error about one.
    private static func campaignList(at list: Int32, _ call: LuaCall, _ fail: (String) -> LuaError) throws(LuaError)
        -> [SaleSimulation.Campaign] {
        var campaigns: [SaleSimulation.Campaign] = []
        for position in stride(from: 1, through: call.length(list), by: 1) {
            func problem(_ text: String) -> LuaError { fail("item \(position): \(text)") }
            let isTable = call.rawIndex(list, position) == .table
            defer { call.pop() }  // pop the campaign
            guard isTable else { throw problem("table expected, got \(call.typeName(at: -1))") }
            let item = call.count
            let at = field(call, item, "at") { call, index in
                call.type(at: index) == .string ? SaleSimulation.elapsedMinutes((try? call.string(index)) ?? "")
                    : (try? call.integer(index)).flatMap { $0 >= 0 ? $0 : nil }
            }
            guard let at else { throw problem("'at' must be minutes after the start or 'HH:MM'") }
            let lift = try number(call, item, "lift", problem) ?? 1
            let halfLife = try number(call, item, "halflife", problem) ?? 30
            let rise = try number(call, item, "rise", problem) ?? 5
            guard halfLife > 0, rise > 0 else { throw problem("'halflife' and 'rise' must be positive") }
            guard lift <= SaleSimulation.maximumLift else { throw problem("'lift' must be at most 1e6") }
            campaigns.append(.init(minute: at, lift: lift, riseMinutes: rise, halfLife: halfLife))
        }
        return campaigns
    }

    private static func field<T>(_ call: LuaCall, _ item: Int32, _ key: String, _ read: (LuaCall, Int32) -> T?) -> T? {
        call.rawField(item, key)
        defer { call.pop() }  // pop the field
        return call.isNoneOrNil(-1) ? nil : read(call, call.count)
    }

    private static func number(_ call: LuaCall, _ item: Int32, _ key: String,
                               _ problem: (String) -> LuaError) throws(LuaError) -> Double? {
        call.rawField(item, key)
        defer { call.pop() }  // pop the field
        if call.isNoneOrNil(-1) { return nil }
        guard call.type(at: -1) == .number, let value = try? call.number(-1), value >= 0, value.isFinite else {
            throw problem("'\(key)' must be a number, not negative")
        }
        return value
    }

    /// Refuses baskets that would pass the largest amount (where they would be capped, a silent wrong answer).
    private static func checkBaskets(_ sale: SaleSimulation, _ options: LuaOptions) throws(LuaError) {
        let largest = SaleSimulation.largestBasket
        guard sale.largestLikelyBasket > largest else { return }
        let why = "(baskets stay below 1e12, the largest amount)"
        let medianAtMost = sale.basketMedian * largest / sale.largestLikelyBasket
        if medianAtMost >= 1 {
            throw options.error("basket_median", "must be at most \(short(medianAtMost)) with basket_sigma \(short(sale.basketSigma)) \(why)")
        }
        guard sale.basketMedian < largest else { throw options.error("basket_median", "must be below 1e12, the largest amount") }
        let sigmaAtMost = log(largest / sale.basketMedian) / 6
        throw options.error("basket_sigma", "must be at most \(short(sigmaAtMost)) with basket_median \(short(sale.basketMedian)) \(why)")
    }

    /// Three significant digits: `27.3B`, `2.3`.
    private static func short(_ value: Double) -> String { NumberFormat.short(value, digits: 3) }

    private static func nonNegative(_ options: LuaOptions, _ key: String, _ value: Double) throws(LuaError) -> Double {
        let given = try options.number(key, default: value)
        guard given >= 0, given.isFinite else { throw options.error(key, "must not be negative") }
        return given
    }

    private static func lift(_ options: LuaOptions, _ key: String, _ value: Double) throws(LuaError) -> Double {
        let given = try nonNegative(options, key, value)
        guard given <= SaleSimulation.maximumLift else { throw options.error(key, "must be at most 1e6") }
        return given
    }

    private static func fraction(_ options: LuaOptions, _ key: String, _ value: Double) throws(LuaError) -> Double {
        let given = try options.number(key, default: value)
        guard (0...1).contains(given) else { throw options.error(key, "must be between 0 and 1") }
        return given
    }
}
