import LuaBridge
import SVGCharts

/// A rendered chart as Lua holds it: `tostring(c)` is `Chart(forecast, 800x450)`.
final class ChartObject: LuaObject {
    static let luaTypeName = "Chart"
    let document: SVGDocument

    init(_ document: SVGDocument) { self.document = document }

    /// The SVG text.
    var memoryFootprint: Int { document.footprint }
}

/// The `Chart` userdata's methods.
let chartClass = LuaClass<ChartObject>(
    summary: """
        A rendered SVG chart; save it or take its text. Every chart function takes an options table: \
        title, subtitle, xlabel, ylabel, y2label, summary (screen-reader text), width=800, height=450, \
        fontsize=12, theme="light"|"dark", currency="€" (prefix) or currencysuffix=" kr", \
        start=time of the first listed value ('2024-05-20T13:00' or epoch seconds; default the first \
        Series' start, else the axis counts minutes from 0), step=1 (minutes between listed values), \
        time="clock"|"elapsed", tz="UTC" (labels' zone: '+08:00', 'Europe/Berlin'; default the Series' zone), \
        legend="top"|"right"|"none", log=false, reduce="minmax"|"lttb".
        """,
    methods: [
        LuaMethod("save", "c:save(path) -> true | nil, message", "Writes the SVG file atomically.") {
            (call: LuaCall, chart: ChartObject) throws -> Int32 in
            let path = try call.writablePath(2)
            do throws(ChartError) {
                try chart.document.save(to: path)
            } catch {
                return call.failure(error.message)
            }
            call.push(true)
            return 1
        },
        LuaMethod("svg", "c:svg() -> string", "The SVG text.") { (call: LuaCall, chart: ChartObject) throws -> Int32 in
            call.push(chart.document.text)
            return 1
        },
    ],
    describe: { (chart: ChartObject) -> String in
        let size = "\(Int(chart.document.width))x\(Int(chart.document.height))"
        return "Chart(\(chart.document.kind), \(size))"
    })
