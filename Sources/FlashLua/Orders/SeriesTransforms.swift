import LuaBridge
import SaleData

/// Series methods that make new series from values: map, masks, rolling windows, shifts, alignment
/// and the extremes with their times.
enum SeriesTransforms {
    static let comparisons: [(name: String, symbol: String, test: @Sendable (Double, Double) -> Bool)] = [
        ("gt", ">", { $0 > $1 }), ("ge", ">=", { $0 >= $1 }), ("lt", "<", { $0 < $1 }),
        ("le", "<=", { $0 <= $1 }), ("eq", "==", { $0 == $1 }), ("ne", "~=", { $0 != $1 }),
    ]

    static let methods: [LuaMethod<SeriesObject>] = [map] + masks + [where_, rolling, shift, align, argmax, argmin]

    static let masks: [LuaMethod<SeriesObject>] = comparisons.map { comparison in
        LuaMethod(comparison.name, "s:\(comparison.name)(x) -> Series", "A mask: 1 where s \(comparison.symbol) x, else 0; x is a number or a Series (compared at the times both have).") { call, s in
            guard let other = SeriesArithmetic.optionalOperand(call, 2) else {
                throw LuaError.typeMismatch(position: 2, expected: "number or Series", got: call.type(at: 2) == .none ? "no value" : call.typeName(at: 2))
            }
            call.push(try SeriesArithmetic.apply(.series(s.series), other) { comparison.test($0, $1) ? 1 : 0 })
            return 1
        }
    }

    static let map = LuaMethod<SeriesObject>("map", "s:map(fn) -> Series", "fn(v, i) for every value v (i counted from 1), which returns a number (true and false give 1 and 0); the times are kept.") { call, s in
        let function = try call.function(2)
        var results: [Double] = []
        results.reserveCapacity(s.series.count)
        for (index, value) in s.series.values.enumerated() {
            results.append(try callNumber(call, function, "map", value: index + 1) { $0.push(value); $0.push(index + 1); return 2 })
        }
        call.push(Series(start: s.series.start, step: s.series.step, values: results, zone: s.series.zone))
        return 1
    }

    static let where_ = LuaMethod<SeriesObject>("where", "s:where(mask [, other]) -> Series", "The values where mask holds, other (default 0) elsewhere: mask is a Series (non-zero holds; at the times both have) or fn(v, i) returning true or false.") { call, s in
        let other = try call.number(3, default: 0)
        if call.type(at: 2) == .function {
            var results: [Double] = []
            results.reserveCapacity(s.series.count)
            for (index, value) in s.series.values.enumerated() {
                try call.callFunction(at: 2, results: 1) { $0.push(value); $0.push(index + 1); return 2 }
                results.append(call.boolean(-1) ? value : other)
                call.pop()  // pop the function's result
            }
            call.push(Series(start: s.series.start, step: s.series.step, values: results, zone: s.series.zone))
            return 1
        }
        guard let mask = call.optionalObject(2, as: SeriesObject.self) else {
            throw LuaError.typeMismatch(position: 2, expected: "Series or function", got: call.type(at: 2) == .none ? "no value" : call.typeName(at: 2))
        }
        call.push(try SeriesArithmetic.apply(.series(s.series), .series(mask.series)) { value, holds in
            holds != 0 && !holds.isNaN ? value : other
        })
        return 1
    }

    static let rolling = LuaMethod<SeriesObject>("rolling", "s:rolling(n, how) -> Series", "Value i summarises the n values ending at time i: how is 'sum', 'mean', 'min', 'max' or fn(window) returning a number (window is a Series); the result starts n - 1 steps later, one value per full window.") { call, s in
        let window = try call.integer(2)
        let result: Series
        do {
            if call.type(at: 3) == .function {
                result = try s.series.rolling(window) { range in
                    try callNumber(call, 3, "rolling", value: range.upperBound) { $0.push(s.series.slice(range)); return 1 }
                }
            } else {
                let how = try call.string(3)
                guard let method = RollingMethod(rawValue: how) else {
                    let names = RollingMethod.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                    throw LuaError.argument(position: 3, message: "must be one of \(names) or a function, got '\(how)'")
                }
                result = try s.series.rolling(window, method)
            }
        } catch let error as SeriesError {
            throw LuaError.argument(position: 2, message: String(describing: error))
        }
        call.push(result)
        return 1
    }

    static let shift = LuaMethod<SeriesObject>("shift", "s:shift(n | time) -> Series", "The same values n steps later in time (earlier when n < 0), or starting at a time: s - s:shift(1) is each value's change from the one before, now - before:shift(now.start) compares two sales hour by hour.") { call, s in
        do {
            if call.type(at: 2) == .string {
                call.push(try s.series.shifted(toStart: try call.minute(2, zone: s.series.zone)))
            } else {
                call.push(try s.series.shifted(by: try call.integer(2)))
            }
        } catch let error as SeriesError {
            throw LuaError.argument(position: 2, message: error.description)
        }
        return 1
    }

    static let align = LuaMethod<SeriesObject>("align", "s:align(t [, how]) -> Series, Series", "s and t over the times both have; with how ('sum', 'mean', 'last' or 'max') the one with the finer step is first resampled to the other's step.") { call, s in
        let other = try call.object(2, as: SeriesObject.self)
        let method = try call.isNoneOrNil(3) ? nil : ResampleMethod(rawValue: call.string(3))
        if !call.isNoneOrNil(3), method == nil {
            let names = ResampleMethod.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw LuaError.argument(position: 3, message: "must be one of \(names), got '\(try call.string(3))'")
        }
        do {
            let (first, second) = try Series.aligned(s.series, other.series, resample: method)
            call.push(first)
            call.push(second)
        } catch { throw LuaError.message(String(describing: error)) }
        return 2
    }

    static let argmax = LuaMethod<SeriesObject>("argmax", "s:argmax() -> value, time, i | nil", "The largest value with its time label and index (the first of equal ones, NaN skipped); nil when there is none.") { call, s in
        pushExtreme(call, s.series, at: s.series.indexOfMax)
    }

    static let argmin = LuaMethod<SeriesObject>("argmin", "s:argmin() -> value, time, i | nil", "The smallest value with its time label and index (the first of equal ones, NaN skipped); nil when there is none.") { call, s in
        pushExtreme(call, s.series, at: s.series.indexOfMin)
    }

    private static func pushExtreme(_ call: LuaCall, _ series: Series, at index: Int?) -> Int32 {
        guard let index else {
            call.pushNil()
            return 1
        }
        call.push(series.values[index])
        call.push(series.label(at: index))
        call.push(index + 1)
        return 3
    }

    /// Calls the Lua function at `function` and reads its one result as a number (booleans give 1
    /// and 0); `value` (1-based) names the value in the error.
    private static func callNumber(
        _ call: LuaCall, _ function: Int32, _ name: String, value: Int, _ pushArguments: (LuaCall) -> Int32
    ) throws(LuaError) -> Double {
        try call.callFunction(at: function, results: 1, pushArguments)
        defer { call.pop() }  // pop the function's result
        switch call.type(at: -1) {
        case .number: return try call.number(-1)
        case .boolean: return call.boolean(-1) ? 1 : 0
        default:
            throw .message("'\(name)' function returned \(call.typeName(at: -1)) for value \(value) (number expected)")
        }
    }
}
