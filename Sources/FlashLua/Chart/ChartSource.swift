import LuaBridge
import SaleData
import SaleReports

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
        case .drawing, nil: nil
        }
    }
}
