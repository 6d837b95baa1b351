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
        RateChartKind.self,
        GroupsChartKind.self,
        StackedChartKind.self,
    ]

    static let library = LuaLibrary(
        name: "chart",
        summary: "SVG charts: " + kinds.map { $0.name }.joined(separator: ", ")
            + "; chart.new for a chart of your own layers (help('Chart')), chart.page for a web page of charts.",
        functions: kinds.map(function) + [new, ChartPage.function], classes: [chartClass, PageObject.luaClass])

    /// `chart.name(data [, options])`: reads the data (a table, or a drawable object the function
    /// takes, which draws itself) and the options, draws, returns a Chart that takes more layers.
    private static func function(_ kind: any LuaChartKind.Type) -> LuaLibraryFunction {
        LuaLibraryFunction(kind.name, kind.signature, kind.summary) { call in
            let data = try ChartData(call, at: 1, function: kind.name)
            let settings = try ChartSettings(call, at: 2)
            let chart = ChartObject(try settings.compose(try data.drawing(settings) ?? kind.chart(data, settings), data: 1),
                                    settings: settings)
            _ = try chart.rendered(call, data: 1)  // draw now, so a problem is reported here
            call.push(chart)
            return 1
        }
    }

    /// `chart.new(options)`: an empty frame to add layers to.
    private static let new = LuaLibraryFunction(
        "new", "chart.new([options]) -> Chart",
        "An empty chart to add layers to: chart.new{title=}:line(s):band(lo, hi):rule{y=2e6, label='target'}; options as for every chart (help('Chart'))."
    ) { call in
        let settings = try ChartSettings(call, at: 1)
        do throws(ChartError) {
            try settings.options.validate()
        } catch {
            throw settings.blame(error, data: 1)
        }
        call.push(ChartObject(Chart(), settings: settings))
        return 1
    }
}
