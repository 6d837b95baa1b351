import Forecasting
import LuaBridge
import SaleData
import SaleReports

/// Reads the options of `live.open(path, options)`: the orders reading options, the plan and the
/// forecast settings.
enum LiveOptions {
    static let keys: Set<String> = [
        "history", "target", "end", "minutes", "now", "model", "train", "level", "seed", "retrain", "consecutive", "lookback", "progress",
    ]

    /// The sale followed from the export at `path`.
    static func sale(path: String, _ call: LuaCall, at position: Int32) throws(LuaError) -> LiveSale {
        let options = try LuaOptions(call, at: position)
        let reading = try OrdersOptions.read(options, call, otherKeys: keys)
        return LiveSale(feed: LiveOrders(path: path, options: reading), plan: try plan(options, call, reading: reading),
                        settings: try settings(options))
    }

    /// The sale's end, length, target, replay minute and earlier sale.
    static func plan(_ options: LuaOptions, _ call: LuaCall, reading: OrdersReadOptions) throws(LuaError)
        -> SalePlan
    {
        var plan = SalePlan()
        plan.end = try options.minute("end", zone: reading.zone, call: call)
        plan.length = try options.integer("minutes")
        plan.now = try options.minute("now", zone: reading.zone, call: call)
        if let length = plan.length, length < 1 { throw options.error("minutes", "must be at least 1") }
        if plan.end != nil, plan.length != nil { throw options.error("minutes", "cannot go with 'end'") }
        plan.target = try options.number("target")
        if let target = plan.target, !(target > 0 && target.isFinite) {
            throw options.error("target", "must be a positive amount")
        }
        plan.history = try history(options, call, reading: reading)
        return plan
    }

    /// The model, its training window and seed, the band's level, and when to train again and alert.
    static func settings(_ options: LuaOptions) throws(LuaError) -> LiveForecastSettings {
        var settings = LiveForecastSettings()
        let model = try options.choice("model", ForecastModel.allCases.map(\.rawValue), default: settings.model.rawValue)
        settings.model = ForecastModel(rawValue: model) ?? settings.model
        settings.train = try options.integer("train", atLeast: 2, default: settings.train)
        settings.level = try options.number("level", default: settings.level)
        guard settings.level > 0, settings.level < 1 else { throw options.error("level", "must be between 0 and 1 (0.8 for 80%)") }
        settings.seed = UInt64(try options.integer("seed", atLeast: 0, default: Int(settings.seed)))
        settings.retrain = try options.integer("retrain", atLeast: 1, default: settings.retrain)
        settings.consecutive = try options.integer("consecutive", atLeast: 1, default: settings.consecutive)
        settings.lookback = try options.integer("lookback", atLeast: 0, default: settings.lookback)
        return settings
    }

    /// Whether training shows a progress bar: the `progress` option, by default when standard error is a terminal.
    static func showsProgress(_ call: LuaCall, at position: Int32) throws(LuaError) -> Bool {
        try LuaOptions(call, at: position).boolean("progress", default: ProgressBar.terminalAttached)
    }

    /// `history`: an orders export read with the same options, or a Series of revenue per minute.
    private static func history(_ options: LuaOptions, _ call: LuaCall, reading: OrdersReadOptions) throws(LuaError)
        -> Series?
    {
        try options.with("history") { (index) throws(LuaError) -> Series? in
            switch call.type(at: index) {
            case .nil, .none: return nil
            case .string:
                var path = try call.string(index)
                if let policy = call.fileAccess {
                    do { path = try policy.checkRead(path) } catch { throw LuaError.message(String(describing: error)) }
                }
                do { return try OrdersReader.read(path: path, options: reading).table.revenue } catch {
                    throw LuaError.message(String(describing: error))
                }
            default:
                guard let object = call.optionalObject(index, as: SeriesObject.self) else {
                    throw options.error("history", "must be an orders file or a Series, got \(call.typeName(at: index))")
                }
                return object.series
            }
        }
    }
}
