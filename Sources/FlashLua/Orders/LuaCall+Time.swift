import LuaBridge
import SaleData

/// A Lua value that is not a time: `got` is its text quoted, or its type.
struct TimeProblem: Error {
    let got: String
}

extension LuaCall {
    /// The minute (counted in UTC from the epoch) of a time argument: text such as
    /// `2021-05-20T14:03` or `2021-05-20 14:03:11+08:00` (read in `zone` when it has no offset),
    /// or a number of seconds since the epoch.
    public func minute(_ index: Int32, zone: ShopZone) throws(LuaError) -> Int {
        switch timeMinute(index, zone: zone) {
        case .success(let minute): return minute
        case .failure(let problem): throw .argument(position: index, message: "time expected, got \(problem.got)")
        }
    }

    func timeMinute(_ index: Int32, zone: ShopZone) -> Result<Int, TimeProblem> {
        switch type(at: index) {
        case .number:
            guard let seconds = try? number(index), seconds.isFinite, abs(seconds) < 1e15 else {
                return .failure(TimeProblem(got: "a number out of range"))
            }
            return .success(Int((seconds / 60).rounded(.down)))
        case .string:
            let text = (try? string(index)) ?? ""
            guard let minute = zone.minute(ofTimeOrDate: text) else {
                return .failure(TimeProblem(got: "'\(text)'"))
            }
            return .success(minute)
        default:
            let got = type(at: index) == .none ? "no value" : typeName(at: index)
            return .failure(TimeProblem(got: got))
        }
    }
}

extension LuaOptions {
    /// The time option as a minute (see `LuaCall.minute`), or nil when absent.
    func minute(_ key: String, zone: ShopZone, call: LuaCall) throws(LuaError) -> Int? {
        try with(key) { (index) throws(LuaError) -> Int? in
            if call.isNoneOrNil(index) { return nil }
            switch call.timeMinute(index, zone: zone) {
            case .success(let minute): return minute
            case .failure(let problem): throw error(key, "must be a time, got \(problem.got)")
            }
        }
    }

    /// The time-zone option (`UTC`, `+08:00`, `Asia/Shanghai`), or UTC when absent.
    func zone(_ key: String = "tz") throws(LuaError) -> ShopZone {
        guard let text = try string(key) else { return .utc }
        guard let zone = ShopZone(text) else { throw error(key, "must be a time zone, got '\(text)'") }
        return zone
    }
}
