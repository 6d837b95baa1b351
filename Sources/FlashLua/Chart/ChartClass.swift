import LuaBridge
import SVGCharts

/// The `Chart` userdata's methods: the layers that compose it, then `save` and `svg`.
let chartClass = LuaClass<ChartObject>(
    summary: """
        An SVG chart: a frame plus layers, drawn when saved. Every chart function and chart.new take an \
        options table: title, subtitle, xlabel, ylabel, y2label, summary (screen-reader text), width=800, \
        height=450, fontsize=12, theme="light"|"dark", currency="€" (prefix) or currencysuffix=" kr", \
        start=time of the first listed value ('2024-05-20T13:00' or epoch seconds; default the first \
        Series' start, else the axis counts minutes from 0), step=1 (minutes between listed values), \
        time="clock"|"elapsed", tz="UTC" (labels' zone: '+08:00', 'Europe/Berlin'; default the Series' zone), \
        from=, to= (times: the window shown; the value axis fits the values inside it), ymin=, ymax= \
        (the value axis' range), legend="top"|"right"|"none", log=false, reduce="minmax"|"lttb". Grouped charts \
        (chart.groups, chart.stacked) also take show= (how many groups are drawn on their own) and \
        pick="largest"|"first" (which). \
        Layer methods add on top and return the chart, so they chain: \
        chart.new{title="Rate"}:bars(actual):line(expected, {dashed=true}):band(lo, hi):rule{y=9000, label="target"}:save(p). \
        Styles take label=, color= (1-7 for the palette, "actual", "muted", "alert", "text" or "#rrggbb").
        """,
    methods: ChartLayerMethods.all + [
        LuaMethod("save", "c:save(path) -> true | nil, message", "Writes the SVG file atomically.") {
            (call: LuaCall, chart: ChartObject) throws -> Int32 in
            try call.writeOutput(at: 2, try chart.rendered(call, data: 1).text.utf8)
        },
        LuaMethod("svg", "c:svg() -> string", "The SVG text.") { (call: LuaCall, chart: ChartObject) throws -> Int32 in
            call.push(try chart.rendered(call, data: 1).text)
            return 1
        },
    ],
    describe: { (chart: ChartObject) -> String in
        let options = chart.settings.options
        return "Chart(\(chart.kind), \(Int(options.width))x\(Int(options.height)))"
    })
