import LuaBridge
import SVGCharts

/// A chart as Lua holds it: a frame and its layers, drawn when saved or read (and again only
/// after a layer is added). `tostring(c)` is `Chart(forecast, 800x450)`.
final class ChartObject: LuaObject {
    static let luaTypeName = "Chart"
    private(set) var chart: Chart
    /// The options and the clock that plain number lists of added layers sit on.
    let settings: ChartSettings
    private var document: SVGDocument?

    init(_ chart: Chart, settings: ChartSettings) {
        self.chart = chart
        self.settings = settings
    }

    /// The kind's first word: `forecast`, `layered`.
    var kind: String { String(chart.kind.split(separator: " ").first ?? "") }

    /// Adds `layer` on top, checking it first.
    func add(_ layer: Layer) throws(ChartError) {
        try layer.validate()
        chart.add(layer)
        document = nil
    }

    /// The SVG, drawn now if a layer was added since it was last drawn; errors blame argument `data`.
    func rendered(_ call: LuaCall, data: Int32) throws(LuaError) -> SVGDocument {
        if let document { return document }
        try settings.reserveDrawing(call)
        do {
            let drawn = try call.cancellable { () throws(ChartError) in try chart.render(settings.drawingOptions) }
            document = drawn
            return drawn
        } catch {
            throw settings.blame(error, data: data)
        }
    }

    /// The chart drawn again at another size (a report page's), the kept drawing left as it is.
    func rendered(_ call: LuaCall, data: Int32, width: Double, height: Double) throws(LuaError) -> SVGDocument {
        try settings.reserveDrawing(call)
        var options = settings.drawingOptions
        options.width = width
        options.height = height
        do {
            return try call.cancellable { () throws(ChartError) in try chart.render(options) }
        } catch {
            throw settings.blame(error, data: data)
        }
    }

    /// The drawn SVG text and the points the layers hold.
    var memoryFootprint: Int { (document?.footprint ?? 0) + Int(settings.points) * 16 }
}
