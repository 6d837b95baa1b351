import Forecasting
import LuaBridge
import OrderSources
import SaleData
import SaleReports

/// Reads the options of `live.open(path, options)` and `live.open{db=, ...}` into `LiveSaleOptions`:
/// the plan and the forecast settings (`LiveSale.open` checks their ranges).
enum LiveOptions {
    static let keys = Set<String>([
        "history", "target", "end", "minutes", "now", "model", "train", "level", "seed", "retrain", "consecutive", "lookback", "progress",
    ]).union(OrdersGrouping.keys)

    /// The sale followed from the export at `path`, with the orders reading options.
    static func export(path: String, _ call: LuaCall, at position: Int32) throws(LuaError) -> LiveSaleOptions {
        let options = try LuaOptions(call, at: position)
        let reading = try OrdersOptions.read(options, call, otherKeys: keys)
        return try read(options, call, source: .export(path: path, reading: reading))
    }

    /// The sale followed from `source`, with the plan and the settings of `options`.
    static func read(_ options: LuaOptions, _ call: LuaCall, source: LiveSource) throws(LuaError) -> LiveSaleOptions {
        var result = LiveSaleOptions(source: source)
        result.plan.end = try options.minute("end", zone: source.zone, call: call)
        result.plan.length = try options.integer("minutes")
        result.plan.now = try options.minute("now", zone: source.zone, call: call)
        result.plan.target = try options.number("target")
        result.plan.history = try history(options, call, result)
        var settings = result.settings
        let model = try options.choice("model", ForecastModel.allCases.map(\.rawValue), default: settings.model.rawValue)
        settings.model = ForecastModel(rawValue: model) ?? settings.model
        settings.train = try options.integer("train", default: settings.train)
        settings.level = try options.number("level", default: settings.level)
        settings.seed = UInt64(try options.integer("seed", atLeast: 0, default: Int(settings.seed)))
        settings.retrain = try options.integer("retrain", default: settings.retrain)
        settings.consecutive = try options.integer("consecutive", default: settings.consecutive)
        settings.lookback = try options.integer("lookback", default: settings.lookback)
        result.settings = settings
        result.groups = try grouping(options, call)
        return result
    }

    /// `by = "country"` (a column: each refresh reads the new orders by groups too), `max_groups`, `zones`.
    private static func grouping(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> LiveGrouping? {
        if options.has("by"), try options.with("by", { call.type(at: $0) }) == .function {
            throw options.error("by", "must be a column name in a live sale (each refresh reads the new orders by groups)")
        }
        guard let read = try OrdersGrouping.read(options, call), case .column(let column) = read.key else { return nil }
        var grouping = LiveGrouping(column: column)
        grouping.maxGroups = read.maxGroups
        grouping.zones = read.zones
        return grouping
    }

    /// Opens the sale `options` describe; an option out of range is a bad argument `position`, a
    /// database that cannot be opened a failure to return as `nil, message`.
    static func open(_ options: LiveSaleOptions, _ call: LuaCall, at position: Int32) throws(LuaError)
        -> Result<LiveSale, OrderSourceError>
    {
        do throws(LiveSaleOpenError) {
            return .success(try LiveSale.open(options))
        } catch {
            switch error {
            case .option(let problem):
                throw try LuaOptions(call, at: position).error(problem.key, problem.problem { "'\($0)'" })
            case .source(let failure): return .failure(failure)
            }
        }
    }

    /// Whether training shows a progress bar: the `progress` option, by default when standard error is a terminal.
    static func showsProgress(_ call: LuaCall, at position: Int32) throws(LuaError) -> Bool {
        try LuaOptions(call, at: position).boolean("progress", default: ProgressBar.terminalAttached)
    }

    /// `history`: an orders export read as `sale` says, or a Series of revenue per minute.
    private static func history(_ options: LuaOptions, _ call: LuaCall, _ sale: LiveSaleOptions) throws(LuaError) -> Series? {
        try options.with("history") { (index) throws(LuaError) -> Series? in
            switch call.type(at: index) {
            case .nil, .none: return nil
            case .string:
                var path = try call.string(index)
                if let policy = call.fileAccess {
                    do { path = try policy.checkRead(path) } catch { throw LuaError.message(String(describing: error)) }
                }
                do { return try call.cancellable { try sale.earlierSale(path: path) } } catch {
                    if error is CancellationError { try call.checkInterrupt() }  // stopped: the interrupt's own error
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
