import Forecasting
import LuaBridge
import SaleData

/// The options table of `forecast.run` and `forecast.backtest` read into `ForecastOptions`:
/// `{cutoff = 1440 or "2021-11-12T09:00", train = 1000, horizon = 500, model = "flashcast",
/// history = previous_sale.revenue, seed = 1, level = 0.8, epochs =, window = 60, hidden = 64,
/// dropout = 0.2, season = 1440, events = {multipliers} or {Event, ...}}`.
enum ForecastRunOptions {
    /// Every key `forecast.run` takes.
    static let runKeys: Set<String> = [
        "cutoff", "train", "horizon", "model", "history", "seed", "level", "epochs", "window", "hidden", "dropout",
        "season", "events",
    ]
    /// `forecast.backtest` takes `step` and no cutoff; nor `events`, whose multipliers start at one
    /// cutoff while every piece of a back-test has its own.
    static let backtestKeys = runKeys.subtracting(["cutoff", "events"]).union(["step"])

    /// Reads the options for forecasting `revenue`; ranges are checked by `ForecastOptions.validate`.
    /// Lengths are minutes; a default becomes a whole number of the series' rows (1000 minutes of
    /// training on 15-minute rows are 1005), a value given must already be one.
    /// Without `readHistory` the caller reads `history` itself (a grouped read's, per group).
    static func read(_ table: LuaOptions, _ call: LuaCall, revenue: Series, train: Int = 1000,
                     horizon: Int = 500, readHistory: Bool = true) throws(LuaError) -> ForecastOptions {
        let whole = { (minutes: Int) in ForecastOptions.wholeRows(minutes, step: revenue.step) }
        var options = ForecastOptions(train: try table.integer("train", default: whole(train)),
                                      horizon: try table.integer("horizon", default: whole(horizon)))
        let models = ForecastModel.allCases.map(\.rawValue)
        options.model = ForecastModel(rawValue: try table.choice("model", models, default: options.model.rawValue)) ?? options.model
        options.cutoff = try cutoff(table, call, revenue: revenue)
        if readHistory { options.history = try series(table, "history", call, zone: revenue.zone) }
        let seed = try table.integer("seed", default: 1)
        guard seed >= 0 else { throw table.error("seed", "must not be negative") }
        options.seed = UInt64(seed)
        options.levels = try levels(table, call) ?? options.levels
        options.epochs = try table.integer("epochs")
        options.window = try table.integer("window", default: whole(options.window))
        options.hidden = try table.integer("hidden", default: options.hidden)
        options.dropout = try table.number("dropout", default: options.dropout)
        options.season = try table.integer("season")
        options.knownEvents = try knownEvents(table, call, revenue: revenue, options: options)  // numbers or Events
        do { try options.validate() } catch { throw ForecastLuaErrors.map(error, options: table) }
        return options
    }

    /// The 0-based row of option `cutoff`: a 1-based index as Lua counts, or a time in the
    /// series' zone; nil (the last value) when absent.
    static func cutoff(_ table: LuaOptions, _ call: LuaCall, revenue: Series) throws(LuaError) -> Int? {
        let last = revenue.count
        return try table.with("cutoff") { (index) throws(LuaError) -> Int? in
            switch call.type(at: index) {
            case .nil, .none:
                return nil
            case .number:
                guard let position = try table.integer("cutoff"), (1...max(1, last)).contains(position), last > 0 else {
                    throw table.error("cutoff", "must be an index from 1 to \(last) or a time, got \(call.numberText(index))")
                }
                return position - 1
            case .string:
                let text = (try? call.string(index)) ?? ""
                guard case .success(let minute) = call.timeMinute(index, zone: revenue.zone),
                      let row = revenue.index(ofMinute: minute) else {
                    let span = last > 0 ? " (\(revenue.label(at: 0)) to \(revenue.label(at: last - 1)))" : ""
                    throw table.error("cutoff", "must be a time within the series\(span), got '\(text)'")
                }
                return row
            default:
                throw table.error("cutoff", "number or time expected, got \(call.typeName(at: index))")
            }
        }
    }

    /// Option `level`: a number (`0.8`) or a list of them (`{0.5, 0.8, 0.95}`); nil when absent.
    static func levels(_ table: LuaOptions, _ call: LuaCall) throws(LuaError) -> [Double]? {
        try table.with("level") { (index) throws(LuaError) -> [Double]? in
            switch call.type(at: index) {
            case .nil, .none: return nil
            case .number: return [try call.number(index)]
            case .table:
                let levels: [Double]
                do throws(LuaError) {
                    levels = try call.numbers(index)
                } catch {
                    guard case .argument(_, let message) = error else { throw error }
                    throw table.error("level", message)
                }
                guard !levels.isEmpty else { throw table.error("level", "must hold at least one level") }
                return levels
            default:
                throw table.error("level", "number or list of numbers expected, got \(call.typeName(at: index))")
            }
        }
    }

    /// Option `key` as a Series or a list of numbers, or nil when absent.
    static func series(_ table: LuaOptions, _ key: String, _ call: LuaCall, zone: ShopZone) throws(LuaError) -> Series? {
        try table.with(key) { (index) throws(LuaError) -> Series? in
            if call.isNoneOrNil(index) { return nil }
            if let object = call.optionalObject(index, as: SeriesObject.self) { return object.series }
            guard call.type(at: index) == .table else {
                throw table.error(key, "Series expected, got \(call.typeName(at: index))")
            }
            do throws(LuaError) {
                return Series(start: 0, values: try call.numbers(index), zone: zone)
            } catch {
                guard case .argument(_, let message) = error else { throw error }
                throw table.error(key, message)
            }
        }
    }
}

extension LuaCall {
    /// A number as Lua prints it (`5000`, `2.5`), for messages.
    func numberText(_ index: Int32) -> String {
        guard let value = try? number(index) else { return typeName(at: index) }
        return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
