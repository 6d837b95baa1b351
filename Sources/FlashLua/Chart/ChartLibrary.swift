import LuaBridge
import SVGCharts

/// `chart.kind(data [, options])`: reads the data table and the options, renders, returns a Chart.
private func chartFunction(
    _ make: @escaping @Sendable (ChartData, ChartSettings) throws(LuaError) -> any RenderableChart
) -> LuaFunction {
    { call in
        let data = try ChartData(call, at: 1)
        let settings = try ChartSettings(call, at: 2)
        let chart = try make(data, settings)
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
                           "Lines over time, with a legend: a list of numbers, or a list of {name=, values=} tables. "
                           + "Options for every chart function: help('Chart').",
                           chartFunction { data, settings throws(LuaError) in try data.lines(settings) }),
        LuaLibraryFunction("forecast", "chart.forecast(forecast [, options]) -> Chart",
                           "Actual cumulative revenue, the forecast after the cutoff with its band and a 'now' marker: "
                           + "{actual=, mean=, lower=, upper=, cutoff=#actual, level=0.8}.",
                           chartFunction { data, settings throws(LuaError) in try data.forecast(settings) }),
        LuaLibraryFunction("backtest", "chart.backtest(backtest [, options]) -> Chart",
                           "The actual curve with every forecast piece drawn over it: {actual=, pieces={{cutoff=, mean=}, ...}}.",
                           chartFunction { data, settings throws(LuaError) in try data.backtest(settings) }),
        LuaLibraryFunction("loss", "chart.loss(history [, options]) -> Chart",
                           "Train and validation loss per epoch, best epoch marked: {train=, validation=} or a list of losses; "
                           + "option log=true for a log scale.",
                           chartFunction { data, _ throws(LuaError) in try data.loss() }),
        LuaLibraryFunction("bars", "chart.bars(values [, options]) -> Chart",
                           "Revenue per step as bars (a list of numbers) with the running total on a second axis.",
                           chartFunction { data, settings throws(LuaError) in try data.bars(settings) }),
        LuaLibraryFunction("scenarios", "chart.scenarios(comparison [, options]) -> Chart",
                           "Baseline against what-if forecasts after the cutoff: {actual=, cutoff=#actual, baseline=, "
                           + "scenarios={{name=, values=}}, events={{minute=, label=}}, annotations={{minute=, value=, text=}}}; "
                           + "minutes count from the start.",
                           chartFunction { data, settings throws(LuaError) in try data.scenarios(settings) }),
        LuaLibraryFunction("warning", "chart.warning(view [, options]) -> Chart",
                           "Actual against the expected band with the alerts highlighted: {actual=, expected=, lower=, upper=, "
                           + "alerts={indices}}.",
                           chartFunction { data, settings throws(LuaError) in try data.warning(settings) }),
    ],
    classes: [chartClass])
