import LuaBridge
import SaleData

/// `s:slice(from [, to])`: bounds given as 1-based indices or as times.
enum SeriesSlicing {
    static func slice(_ series: Series, _ call: LuaCall) throws(LuaError) -> Series {
        let lower = try bound(series, call, 2, isLower: true)
        let upper = call.isNoneOrNil(3) ? series.count : try bound(series, call, 3, isLower: false)
        return series.slice(lower..<max(lower, upper))
    }

    /// The 0-based first index kept (`isLower`) or one past the last index kept.
    private static func bound(_ series: Series, _ call: LuaCall, _ position: Int32, isLower: Bool) throws(LuaError)
        -> Int
    {
        if call.type(at: position) == .number {
            let index = try call.integer(position)
            let fromStart = index < 0 ? series.count + index + 1 : index
            return isLower ? max(fromStart, 1) - 1 : fromStart
        }
        guard call.type(at: position) == .string else {
            throw LuaError.typeMismatch(position: position, expected: "number or time",
                                        got: call.type(at: position) == .none ? "no value" : call.typeName(at: position))
        }
        let offset = try call.minute(position, zone: series.zone) - series.start
        let step = series.step
        return isLower ? (offset <= 0 ? 0 : (offset + step - 1) / step) : (offset < 0 ? 0 : offset / step + 1)
    }
}
