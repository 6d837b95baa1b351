import LuaBridge
import SaleReports
import SVGCharts

/// `chart.name(data [, options])`, documented by `signature` and `summary`: reads the data (a
/// table, or a drawable object that function takes) and the options, renders, returns a Chart.
private func chartFunction(
    _ name: String, _ signature: String, _ summary: String,
    _ make: @escaping @Sendable (ChartData, ChartSettings) throws(LuaError) -> any RenderableChart
) -> LuaLibraryFunction {
    LuaLibraryFunction(name, signature, summary) { call in
        let data = try ChartData(call, at: 1, function: name)
        let settings = try ChartSettings(call, at: 2)
        let chart = try make(data, settings)
        call.push(try settings.render { options throws(ChartError) in try chart.render(options) })
        return 1
    }
}

/// The `chart` library: SVG pictures of series, forecasts, back-tests, training and scenarios.
enum ChartLibrary {
    static let lines = chartFunction(
        "lines", "chart.lines(series [, options]) -> Chart",
        """
        Lines over time, with a legend: a Series, a list of numbers, or a list of Series and {name=, values=} \
        tables. Wherever values go, a Series (at its own times) or a list of numbers will do. Options for \
        every chart function: help('Chart').
        """
    ) { data, settings throws(LuaError) in try data.lines(settings) }

    static let forecast = chartFunction(
        "forecast", "chart.forecast(forecast [, options]) -> Chart",
        """
        Actual cumulative revenue, the forecast after the cutoff with its band and a 'now' marker: \
        {actual=, mean=, lower=, upper=, cutoff=#actual, level=0.8}.
        """
    ) { data, settings throws(LuaError) in try data.forecast(settings) }

    static let backtest = chartFunction(
        "backtest", "chart.backtest(backtest [, options]) -> Chart",
        "The actual curve with every forecast piece drawn over it: {actual=, pieces={{cutoff=, mean=}, ...}}."
    ) { data, settings throws(LuaError) in try data.backtest(settings) }

    static let loss = chartFunction(
        "loss", "chart.loss(history [, options]) -> Chart",
        """
        Train and validation loss per epoch, best epoch marked: {train=, validation=}, the history model:fit \
        returns ({train=, val=}) or a list of losses; \
        option log=true for a log scale.
        """
    ) { data, _ throws(LuaError) in try data.loss() }

    static let bars = chartFunction(
        "bars", "chart.bars(values [, options]) -> Chart",
        "Revenue per step as bars (a Series or a list of numbers) with the running total on a second axis."
    ) { data, settings throws(LuaError) in try data.bars(settings) }

    static let scenarios = chartFunction(
        "scenarios", "chart.scenarios(comparison [, options]) -> Chart",
        """
        Baseline against what-if forecasts after the cutoff: {actual=, cutoff=#actual, baseline=, \
        scenarios={{name=, values=}}, events={{at=, label=}}, annotations={{at=, value=, text=}}}; `at` is a \
        time ('2024-05-20T14:00' or epoch seconds), or give `minute`, minutes after the start.
        """
    ) { data, settings throws(LuaError) in try data.scenarios(settings) }

    static let warning = chartFunction(
        "warning", "chart.warning(view [, options]) -> Chart",
        "Actual against the expected band with the alerts highlighted: {actual=, expected=, lower=, upper=, alerts={indices}}."
    ) { data, settings throws(LuaError) in try data.warning(settings) }

    static let library = LuaLibrary(
        name: "chart", summary: "SVG charts: lines, forecast, backtest, loss, bars, scenarios, warning.",
        functions: [lines, forecast, backtest, loss, bars, scenarios, warning], classes: [chartClass])
}
