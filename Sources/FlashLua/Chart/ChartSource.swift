import LuaBridge
import SaleData
import SVGCharts
import Scenarios

/// A userdata the `chart` functions draw directly: `chart.lines(s)`, `chart.forecast(fc)`.
///
/// Another library makes its objects drawable by conforming (in a `Type+ChartSource.swift` file)
/// and listing the type in `ChartSources.types`; the chart functions then accept it, and their
/// errors name it: `bad argument #1 to 'forecast' (table or Forecast expected, got Series)`.
protocol ChartSource: LuaObject {
    /// The chart functions that take this object as their data, e.g. `["forecast"]`.
    static var chartFunctions: Set<String> { get }
    /// The object as chart data.
    var chartContent: ChartContent { get }
}

/// What a drawable object holds, in domain types; series carry their own minutes and zone.
/// A library whose object is a new kind of content (a forecast, a back-test) adds a case here and
/// reads it at the top of the chart function in `ChartData+Kinds.swift`.
enum ChartContent {
    /// Values on the clock (a Series): accepted wherever values go.
    case values(Series)
    /// A forecast (`chart.forecast`): actual cumulative revenue, the forecast mean from the minute
    /// after the cutoff, its band aligned with the mean, the band's level, and its bands at other levels.
    case forecast(actual: Series, mean: Series, lower: [Double], upper: [Double], level: Double,
                  otherBands: [ForecastChart.Band])
    /// A rolling back-test (`chart.backtest`): the actual cumulative curve and every forecast piece.
    case backtest(actual: Series, pieces: [Series])
    /// What-if scenarios (`chart.scenarios`): their comparison, the actual cumulative revenue before
    /// the cutoff if known, and the events to mark.
    case scenarios(ScenarioComparison, actual: Series?, markers: [(minute: Int, label: String)])
}

/// The drawable userdata types, in one place.
enum ChartSources {
    static let types: [any ChartSource.Type] = [SeriesObject.self, ForecastObject.self, BacktestObject.self, WhatIfObject.self]

    /// The type names chart function `function` accepts besides tables, for messages.
    static func names(for function: String) -> [String] {
        types.filter { $0.chartFunctions.contains(function) }.map { $0.luaTypeName }
    }
}

extension LuaCall {
    /// The drawable object at `index`, if it is one.
    func chartSource(_ index: Int32) -> (any ChartSource)? {
        for type in ChartSources.types {
            if let object = optionalObject(index, as: type) { return object }
        }
        return nil
    }

    /// The values at `index` if it is a drawable object holding values (a Series).
    func chartValues(_ index: Int32) -> Series? {
        switch chartSource(index)?.chartContent {
        case .values(let series): series
        case .forecast, .backtest, .scenarios, nil: nil
        }
    }
}
