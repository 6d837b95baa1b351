import LuaBridge
import LuaShim
import SVGCharts

/// The `Chart` methods that add a layer: each reads its values and style, adds the layer on top
/// (checked, its errors blaming the values) and returns the chart, so calls chain.
enum ChartLayerMethods {
    static let all: [LuaMethod<ChartObject>] = [line, band, bars, rule, events, span, annotate]

    static let line = LuaMethod<ChartObject>(
        "line", "c:line(values [, style]) -> c",
        "A line through values (a Series at its times, or a list of numbers on the chart's clock); style: label=, color=, width=2, dashed=false, axis=\"left\"|\"right\"."
    ) { call, chart in
        let values = try call.layerValues(2, chart.settings)
        let style = try LayerStyle(call, at: 3, ["label", "color", "width", "dashed", "axis"])
        return try call.adding(.line(values, label: style.label, paint: style.paint, width: try style.width(),
                                     dashed: try style.dashed(), side: try style.side()), to: chart, blaming: 2)
    }

    static let band = LuaMethod<ChartObject>(
        "band", "c:band(lower, upper [, style]) -> c",
        "A shaded band between two aligned bounds (Series or lists); without a color it takes the line's before it; style: label=, color=."
    ) { call, chart in
        let lower = try call.layerValues(2, chart.settings), upper = try call.layerValues(3, chart.settings)
        let style = try LayerStyle(call, at: 4, ["label", "color"])
        return try call.adding(.band(lower: lower, upper: upper, label: style.label, paint: style.paint), to: chart, blaming: 2)
    }

    static let bars = LuaMethod<ChartObject>(
        "bars", "c:bars(values [, style]) -> c",
        "A bar per value, standing on zero, as wide as its step; style: label=, color=, axis=\"left\"|\"right\"."
    ) { call, chart in
        let values = try call.layerValues(2, chart.settings)
        let style = try LayerStyle(call, at: 3, ["label", "color", "axis"])
        return try call.adding(.bars(values, label: style.label, paint: style.paint, side: try style.side()), to: chart, blaming: 2)
    }

    static let rule = LuaMethod<ChartObject>(
        "rule", "c:rule{y=value | at=time, label=, color=, time=false} -> c",
        "A horizontal line at a value (a target; the axis reaches it), or a vertical line at a time labelled above the plot (time=true adds the time: 'now 14:30')."
    ) { call, chart in
        let spec = try LayerStyle(call, at: 2, ["y", "at", "minute", "label", "color", "time"], required: true)
        let layer: Layer
        if let value = try spec.options.number("y") {
            layer = .rule(value: value, label: spec.label, paint: spec.paint ?? .muted)
        } else if let minute = try spec.moment(chart.settings) {
            layer = .rule(minute: Double(minute), label: spec.label, paint: spec.paint ?? .muted,
                          stamped: try spec.options.boolean("time", default: false))
        } else {
            throw LuaError.argument(position: 2, message: "rule needs y (a value) or at (a time)")
        }
        return try call.adding(layer, to: chart, blaming: 2)
    }

    static let events = LuaMethod<ChartObject>(
        "events", "c:events({{at=time, label=}, ...} [, style]) -> c",
        "A vertical line at each event, labelled above the plot, in the alert colour unless style color= says otherwise."
    ) { call, chart in
        _ = try call.table(2)
        let marks = try ChartData(call, at: 2, function: "events").elements { (item, _) throws(LuaError) -> ChartEvent in
            ChartEvent(minute: try item.moment(chart.settings), label: try item.string("label", default: ""))
        }
        let style = try LayerStyle(call, at: 3, ["color"])
        return try call.adding(.events(marks, paint: style.paint ?? .alert), to: chart, blaming: 2)
    }

    static let span = LuaMethod<ChartObject>(
        "span", "c:span{from=time, to=time, label=, color=} -> c",
        "A shaded stretch of time across the plot's height (an outage, the alert), in the alert colour by default."
    ) { call, chart in
        let spec = try LayerStyle(call, at: 2, ["from", "to", "label", "color"], required: true)
        guard let from = try spec.moment(chart.settings, key: "from"), let to = try spec.moment(chart.settings, key: "to") else {
            throw LuaError.argument(position: 2, message: "span needs from and to (times)")
        }
        guard from <= to else { throw spec.options.error("to", "must not be before 'from'") }
        return try call.adding(.spans([Double(from)...Double(to)], label: spec.label, paint: spec.paint ?? .alert), to: chart, blaming: 2)
    }

    static let annotate = LuaMethod<ChartObject>(
        "annotate", "c:annotate{at=time, value=, text=, color=} -> c",
        "A note pinned to a point: a dot and its text on a halo, over everything; the value axis reaches it."
    ) { call, chart in
        let spec = try LayerStyle(call, at: 2, ["at", "minute", "value", "text", "color"], required: true)
        guard let minute = try spec.moment(chart.settings), let value = try spec.options.number("value") else {
            throw LuaError.argument(position: 2, message: "annotate needs at (a time) and value (a number)")
        }
        let note = ChartAnnotation(minute: minute, value: value, text: try spec.options.string("text", default: ""))
        return try call.adding(.notes([note], paint: spec.paint ?? .text), to: chart, blaming: 2)
    }
}

extension LuaCall {
    /// The values at `index`: a Series at its own times, or a list of numbers on the chart's clock.
    func layerValues(_ index: Int32, _ settings: ChartSettings) throws(LuaError) -> TimedSeries {
        if let series = chartValues(index) { return settings.timed("", series) }
        guard type(at: index) == .table else {
            throw .typeMismatch(position: index, expected: "Series or table", got: type(at: index) == .none ? "no value" : typeName(at: index))
        }
        return settings.timed("", try numbers(index))
    }

    /// Adds `layer` to `chart` and returns the chart (argument 1) for chaining.
    func adding(_ layer: Layer, to chart: ChartObject, blaming position: Int32) throws(LuaError) -> Int32 {
        do {
            try chart.add(layer)
        } catch {
            throw .argument(position: position, message: error.message)
        }
        lua_pushvalue(L, 1)  // push the chart itself
        return 1
    }
}
