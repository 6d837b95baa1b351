import LuaBridge
import SaleReports
import SVGCharts

/// The `chart` library: SVG pictures of series, forecasts, back-tests, training and scenarios.
enum ChartLibrary {
    /// The chart kinds, one line each, in the order help lists them.
    static let kinds: [any LuaChartKind.Type] = [
        LinesChartKind.self,
        ForecastChartKind.self,
        BacktestChartKind.self,
        LossChartKind.self,
        BarsChartKind.self,
        ScenariosChartKind.self,
        WarningChartKind.self,
    ]

    static let library = LuaLibrary(
        name: "chart", summary: "SVG charts: " + kinds.map { $0.name }.joined(separator: ", ") + ".",
        functions: kinds.map(function) + [ChartPage.function], classes: [chartClass, PageObject.luaClass])

    /// `chart.name(data [, options])`: reads the data (a table, or a drawable object the function
    /// takes, which draws itself) and the options, renders, returns a Chart.
    private static func function(_ kind: any LuaChartKind.Type) -> LuaLibraryFunction {
        LuaLibraryFunction(kind.name, kind.signature, kind.summary) { call in
            let data = try ChartData(call, at: 1, function: kind.name)
            let settings = try ChartSettings(call, at: 2)
            let chart = try data.drawing(settings) ?? kind.chart(data, settings)
            call.push(try settings.render { options throws(ChartError) in try chart.render(options) })
            return 1
        }
    }
}
