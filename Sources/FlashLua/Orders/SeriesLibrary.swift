import LuaBridge
import SaleData

/// The `series` library: making and loading series (their methods are on the Series userdata).
enum SeriesLibrary {
    static let new = LuaLibraryFunction(
        "new", "series.new({v1, v2, ..., start=time [, step=1] [, tz='UTC']}) -> Series",
        """
        A series of the given numbers, one every step minutes from start, which is required: a time \
        such as '2021-05-20T00:00' (read in tz) or epoch seconds (0 for 1970-01-01T00:00 UTC). Charts \
        and arithmetic place values at these times.
        """
    ) { call in
        let options = try LuaOptions(call, at: 1)
        try options.allow(["start", "step", "tz"])
        let zone = try options.zone()
        guard let start = try options.minute("start", zone: zone, call: call) else {
            throw options.error("start", "is required: the time of the first value, such as '2021-05-20T00:00' (0 for 1970-01-01T00:00 UTC)")
        }
        let step = try options.integer("step", atLeast: 1, default: 1)
        let values = try call.numbers(1)
        do { try Series.checkSpan(start: start, step: step, count: values.count) } catch {
            throw options.error("step", "too large: \(error)")
        }
        call.push(Series(start: start, step: step, values: values, zone: zone))
        return 1
    }

    static let loadCSV = LuaLibraryFunction(
        "load_csv", "series.load_csv(path [, {tz=...}]) -> Series | nil, message",
        "Reads `minute,value` rows as s:save_csv writes them; a bad row is reported as file:line:column."
    ) { call in
        let path = try call.readablePath(1)
        let options = try LuaOptions(call, at: 2)
        try options.allow(["tz"])
        let zone = try options.zone()
        try call.reserveMemory(WorkMemory.seriesFile(path), for: "series.load_csv of '\(path)'")
        do { call.push(try Series.load(from: path, zone: zone)) } catch { return call.failure(String(describing: error)) }
        return 1
    }

    static let library = LuaLibrary(
        name: "series", summary: "Per-minute series: make, load, slice, sum, resample, arithmetic, map, rolling, save.",
        functions: [new, loadCSV], classes: [SeriesClass.luaClass])
}
