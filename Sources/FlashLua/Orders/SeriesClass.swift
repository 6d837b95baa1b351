import LuaBridge
import SaleData

/// The `Series` userdata: `#s`, `s[i]` (1-based), `s.start`, `s.step`, `s.tz`, `tostring(s)` and the methods.
enum SeriesClass {
    static let methods: [LuaMethod<SeriesObject>] = [
        LuaMethod("at", "s:at(time) -> number|nil", "The value whose minute holds a time ('2021-05-20T14:03' in the series' zone, or epoch seconds); nil outside.") { call, s in
            call.push(s.series.value(atMinute: try call.minute(2, zone: s.series.zone)))
            return 1
        },
        LuaMethod("time", "s:time(i) -> string|nil", "The minute label ('2021-05-20T14:03') of value i; nil outside 1..#s.") { call, s in
            let index = try call.integer(2)
            call.push(index >= 1 && index <= s.series.count ? s.series.label(at: index - 1) : nil)
            return 1
        },
        LuaMethod("slice", "s:slice(from [, to]) -> Series", "Values from..to, both included: numbers are 1-based indices (negative count from the end, as string.sub), strings are times; clamped to the series.") { call, s in
            call.push(try SeriesSlicing.slice(s.series, call))
            return 1
        },
        LuaMethod("cumsum", "s:cumsum() -> Series", "Running totals: value i is the sum of values 1..i.") { call, s in
            call.push(s.series.cumsum())
            return 1
        },
        LuaMethod("diff", "s:diff() -> Series", "First differences s[i+1] - s[i], starting one step later (one value fewer).") { call, s in
            call.push(s.series.diff())
            return 1
        },
        LuaMethod("sum", "s:sum() -> number", "Sum of the values (0 when empty).") { call, s in
            call.push(s.series.sum)
            return 1
        },
        LuaMethod("mean", "s:mean() -> number|nil", "Mean of the values; nil when empty.") { call, s in
            call.push(s.series.mean)
            return 1
        },
        LuaMethod("max", "s:max() -> number|nil", "Largest value; nil when empty.") { call, s in
            call.push(s.series.max)
            return 1
        },
        LuaMethod("min", "s:min() -> number|nil", "Smallest value; nil when empty.") { call, s in
            call.push(s.series.min)
            return 1
        },
        LuaMethod("resample", "s:resample(step [, how]) -> Series", "The series every step minutes (a multiple of s.step), intervals aligned to the shop's clock; how is 'sum' (default), 'mean', 'last' (for cumulative series) or 'max'.") { call, s in
            let step = try call.integer(2)
            let how = try call.string(3, default: ResampleMethod.sum.rawValue)
            guard let method = ResampleMethod(rawValue: how) else {
                let names = ResampleMethod.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                throw LuaError.argument(position: 3, message: "must be one of \(names), got '\(how)'")
            }
            do { call.push(try s.series.resampled(step: step, method: method)) } catch {
                throw LuaError.argument(position: 2, message: String(describing: error))
            }
            return 1
        },
        LuaMethod("totable", "s:totable() -> {numbers}", "The values as a plain Lua array.") { call, s in
            call.push(s.series.values)
            return 1
        },
        LuaMethod("save_csv", "s:save_csv(path [, name]) -> true | nil, message", "Writes `minute,name` rows (name defaults to 'value') atomically; series.load_csv reads them back.") { call, s in
            let name = try call.string(3, default: "value")
            try call.reserveMemory(WorkMemory.csv(rows: Double(s.series.count), columns: 1), for: "save_csv of \(s.series.count) rows")
            return try call.writeOutput(at: 2, s.series.csv(valueName: name).utf8)
        },
    ]

    static let luaClass = LuaClass<SeriesObject>(
        summary: "Values at a regular step of minutes from a start time; #s, s[i] (1-based), s.start (label), s.step (minutes), s.tz, tostring(s); s == t compares values and times; s + t, s - t, s * 1.1, 2 / s, -s, s % n, s ^ n and s // n work value by value (two series at the times both have; their steps must match).",
        methods: methods + SeriesTransforms.methods,
        describe: { $0.series.description },
        length: { $0.series.count },
        index: { call, s in
            guard call.type(at: 2) == .number, let index = try? call.integer(2), index >= 1, index <= s.series.count
            else { return 0 }
            call.push(s.series.values[index - 1])
            return 1
        },
        fields: [
            "start": { call, s in call.push(s.series.label(at: 0)); return 1 },
            "step": { call, s in call.push(s.series.step); return 1 },
            "tz": { call, s in call.push(s.series.zone.description); return 1 },
        ],
        metamethods: SeriesArithmetic.metamethods.merging(["__eq": { call in  // equal values, start, step and zone
            let left = call.optionalObject(1, as: SeriesObject.self), right = call.optionalObject(2, as: SeriesObject.self)
            call.push(left != nil && left?.series == right?.series)
            return 1
        }]) { first, _ in first })
}
