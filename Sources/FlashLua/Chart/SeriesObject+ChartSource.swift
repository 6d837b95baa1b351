import SaleReports

/// A Series draws as a line or as bars, and goes wherever a chart takes values.
extension SeriesObject: ChartSource {
    static var chartFunctions: Set<String> { ["lines", "bars"] }
    var chartContent: ChartContent { .values(series) }
}
