import LuaBridge
import SVGCharts

/// `chart.lines`: a Series, `{1, 2, 3}` (one line), or a list of Series, number lists and `{name = "web", values = ...}` tables.
enum LinesChartKind: LuaChartKind {
    static let name = "lines"
    static let signature = "chart.lines(series [, options]) -> Chart"
    static let summary = """
        Lines over time, with a legend: a Series, a list of numbers, or a list of Series, lists of numbers \
        and {name=, values=} tables. Wherever values go, a Series (at its own times) or a list of numbers will do. Options for \
        every chart function: help('Chart').
        """

    static func chart(_ data: ChartData, _ settings: ChartSettings) throws(LuaError) -> any RenderableChart {
        let series: [TimedSeries]
        if let single = data.seriesValues {
            series = [settings.timed("values", single)]
        } else if data.isNumberSequence {
            series = [settings.timed("values", try data.call.numbers(data.index))]
        } else {
            series = try data.elements(orSeries: true) { (item, i) throws(LuaError) -> TimedSeries in
                if let object = item.seriesValues { return settings.timed("series \(i)", object) }
                if item.isNumberSequence { return settings.timed("series \(i)", try item.sequenceNumbers()) }
                return try item.requiredValues("values", name: try item.string("name", default: "series \(i)"), settings)
            }
        }
        return try data.building { () throws(ChartError) in try LineChart(timed: series) }
    }
}
