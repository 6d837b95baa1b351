import LuaBridge
import SVGCharts

/// `chart.kind(data [, options])`: reads the data table and the options, renders, returns a Chart.
private func chartFunction(
    _ make: @escaping @Sendable (ChartData, TimeAxis) throws(LuaError) -> any RenderableChart
) -> LuaFunction {
    { call in
        let data = try ChartData(call, at: 1)
        let settings = try ChartSettings(call, at: 2)
        let chart = try make(data, settings.axis)
        call.push(try settings.render { options throws(ChartError) in try chart.render(options) })
        return 1
    }
}

/// The chart kinds share one rendering entry point.
protocol RenderableChart {
    func render(_ options: ChartOptions) throws(ChartError) -> SVGDocument
}

extension LineChart: RenderableChart {}
extension ForecastChart: RenderableChart {}
extension BacktestChart: RenderableChart {}
extension LossChart: RenderableChart {}
extension RevenueBarChart: RenderableChart {}
extension ScenarioChart: RenderableChart {}
extension EarlyWarningChart: RenderableChart {}

/// The `chart` library: SVG pictures of series, forecasts, back-tests, training and scenarios.
public let chartLibrary = LuaLibrary(
    name: "chart",
    summary: "SVG charts: lines, forecast, backtest, loss, bars, scenarios, warning.",
    functions: [
        LuaLibraryFunction("lines", "chart.lines(series [, options]) -> Chart",
                           "Lines over time: a list of numbers, or of {name=, values=} tables.",
                           chartFunction { data, axis throws(LuaError) in try data.lines(axis: axis) }),
        LuaLibraryFunction("forecast", "chart.forecast(forecast [, options]) -> Chart",
                           "Actual cumulative revenue, the forecast from the cutoff with its band, and a 'now' marker.",
                           chartFunction { data, axis throws(LuaError) in try data.forecast(axis: axis) }),
        LuaLibraryFunction("backtest", "chart.backtest(backtest [, options]) -> Chart",
                           "The actual curve with every forecast piece {cutoff=, mean=} drawn over it.",
                           chartFunction { data, axis throws(LuaError) in try data.backtest(axis: axis) }),
        LuaLibraryFunction("loss", "chart.loss(history [, options]) -> Chart",
                           "Train and validation loss per epoch; {log=true} for a log scale.",
                           chartFunction { data, _ throws(LuaError) in try data.loss() }),
        LuaLibraryFunction("bars", "chart.bars(values [, options]) -> Chart",
                           "Revenue per minute as bars with the running total on a second axis.",
                           chartFunction { data, axis throws(LuaError) in
                               RevenueBarChart(axis: axis, perMinute: try data.call.numbers(data.position))
                           }),
        LuaLibraryFunction("scenarios", "chart.scenarios(comparison [, options]) -> Chart",
                           "Baseline against what-if forecasts, with events and annotations.",
                           chartFunction { data, axis throws(LuaError) in try data.scenarios(axis: axis) }),
        LuaLibraryFunction("warning", "chart.warning(view [, options]) -> Chart",
                           "Actual against the expected band with the alert minutes highlighted.",
                           chartFunction { data, axis throws(LuaError) in try data.warning(axis: axis) }),
    ],
    classes: [chartClass])
