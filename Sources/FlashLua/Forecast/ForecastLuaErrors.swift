import Forecasting
import LuaBridge

/// The forecasting module's errors in Lua's words, blamed on the argument or option at fault:
/// `bad argument #2 to 'run' (option 'train' must be positive, got 0)`.
enum ForecastLuaErrors {
    /// Option names in Lua where the module's differ.
    static let optionNames = ["knownEvents": "events", "consecutive": "k"]

    /// `error` as a Lua error; `options` is the options table the call read.
    static func map(_ error: ForecastError, options: LuaOptions) -> LuaError {
        switch error {
        case .invalidOption(let name, let message):
            return options.error(optionNames[name] ?? name, message)
        case .cutoffOutOfRange:
            return options.error("cutoff", "is outside the series: \(error.description)")
        case .trainingWindowTooShort:
            return options.error("train", "does not fit: \(error.description)")
        case .historyRequired:
            return options.error("history", "is needed: \(error.description)")
        case .emptySeries(let name), .notFinite(let name, _, _):
            if name.hasPrefix("earlier") { return options.error("history", "is not usable: \(error.description)") }
            return .argument(position: 1, message: error.description)
        case .trainingFailed, .cancelled, .group:
            return .message(error.description)
        }
    }

    /// Runs the module's `work` for `call`, stopping on an interrupt, and maps its errors.
    static func run<T>(_ call: LuaCall, options: LuaOptions, _ work: () throws(ForecastError) -> T) throws(LuaError) -> T {
        do { return try call.cancellable(work) } catch { throw map(error, options: options) }
    }
}
