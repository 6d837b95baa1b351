import LuaBridge
import SVGCharts

/// One function of the `chart` library: its name, its help and how it reads a data table.
///
/// A new chart kind is its recipe of layers in SVGCharts (conforming to `RenderableChart`), one type
/// conforming to this, and its line in `ChartLibrary.kinds`; a drawable object (`ChartSource`)
/// that draws as this kind lists its `name` in `chartFunctions` and returns a `ChartDrawing`.
protocol LuaChartKind: SendableMetatype {
    /// The function's name: `chart.forecast`.
    static var name: String { get }
    /// How it is called, for help: `chart.forecast(forecast [, options]) -> Chart`.
    static var signature: String { get }
    /// What it draws and the data table's fields, for help.
    static var summary: String { get }
    /// The chart of a data table (or of values, where the kind takes them), read with `settings`.
    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart
}
