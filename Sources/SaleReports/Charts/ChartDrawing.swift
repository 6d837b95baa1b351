import Forecasting
import SaleData
import Scenarios
import SVGCharts

/// A chart drawn from domain values, with the series it draws (the first sets its clock).
///
/// The one recipe for each domain chart: `chart.forecast(fc)` and `flashcast forecast --svg` draw
/// `forecast(_:revenue:train:)`, `chart.backtest(bt)` and `flashcast backtest --svg` draw
/// `backtest(_:revenue:)`, `chart.scenarios(w)` draws `scenarios(_:actual:markers:)`.
public struct ChartDrawing {
    /// The chart.
    public let chart: any RenderableChart
    /// The series it draws; the first sets the clock (time labels in its zone).
    public let drawn: [Series]
    /// What the chart leaves out, for its subtitle (`the 11 largest of 5,000 groups by revenue; 4,989
    /// others summed`); nil when it draws everything.
    public var note: String? = nil

    /// The series that sets the clock.
    public var clock: Series { drawn[0] }

    /// The chart with `title` and default options, its time labels in the clock's zone.
    public func render(title: String) throws(ChartError) -> SVGDocument {
        var options = ChartOptions()
        options.title = title
        options.timeZone = clock.zone
        return try chart.render(options)
    }

    /// The training window's actual cumulative curve, the forecast and its bands.
    public static func forecast(_ forecast: Forecast, revenue: Series, train: Int) throws(ChartError) -> ChartDrawing {
        let actual = ForecastReport.chartActual(revenue: revenue, forecast: forecast, train: train)
        let chart = try ForecastChart(
            actual: TimedSeries("actual", actual), mean: TimedSeries("forecast", forecast.mean),
            lower: forecast.lower.values, upper: forecast.upper.values,
            intervalLabel: ForecastReport.intervalLabel(forecast.level), otherBands: ForecastReport.otherBands(forecast))
        return ChartDrawing(chart: chart, drawn: [actual, forecast.mean])
    }

    /// The whole actual cumulative curve with every piece of the back-test over it.
    public static func backtest(_ backtest: Backtest, revenue: Series) throws(ChartError) -> ChartDrawing {
        let actual = revenue.cumsum()
        let chart = try BacktestChart(actual: TimedSeries("actual", actual), pieces: backtest.pieces.map { TimedSeries("piece", $0.mean) })
        return ChartDrawing(chart: chart, drawn: [actual] + backtest.pieces.map(\.mean))
    }

    /// Revenue per `step` minutes over the training window, the forecast's per step with its band
    /// (`RateSteps`), "now" and the `events` (minute, label).
    public static func rate(_ forecast: Forecast, revenue: Series, train: Int, step: Int,
                            events: [(minute: Int, label: String)] = []) throws(ChartError) -> ChartDrawing {
        let steps: RateSteps
        do throws(RateStepError) {
            steps = try RateSteps(forecast: forecast, revenue: revenue, train: train, step: step)
        } catch {
            throw ChartError(error.description)
        }
        let chart = RateChart(
            actual: TimedSeries("actual", steps.actual), forecast: TimedSeries("forecast", steps.forecast),
            lower: steps.lower, upper: steps.upper, bandLabel: "normal range (\(ForecastBand.percentText(steps.level))% of steps)",
            now: steps.now, events: events.map { ChartEvent(minute: $0.minute, label: $0.label) })
        return ChartDrawing(chart: chart, drawn: [steps.actual, steps.forecast])
    }

    /// What-if scenarios against their baseline (`ScenarioChartData.chart`).
    public static func scenarios(_ comparison: ScenarioComparison, actual: Series?,
                                 markers: [(minute: Int, label: String)]) throws(ChartError) -> ChartDrawing {
        ChartDrawing(chart: try ScenarioChartData.chart(comparison, actual: actual, markers: markers),
                     drawn: (actual.map { [$0] } ?? []) + [comparison.baseline.mean] + comparison.scenarios.map(\.mean))
    }
}

extension TimedSeries {
    /// `series` on the clock, named `name` in the legend.
    public init(_ name: String, _ series: Series) {
        self.init(name: name, startMinute: series.start, stepMinutes: series.step, values: series.values)
    }
}
