import SaleData
import SVGCharts

/// The `--svg chart.svg` of `aggregate`: revenue per step as bars, the running total on a second axis.
enum RevenueChartFile {
    /// Draws `table` in steps of `step` minutes, labelled in the shop's zone.
    static func chart(_ table: MinuteTable, step: Int, currency: String?, source: String) throws -> SVGDocument {
        let revenue = try table.revenue.resampled(step: step)
        var options = ChartOptions()
        options.title = step == 1 ? "Revenue per minute" : "Revenue per \(step) minutes"
        if let currency { options.currency = Currency(suffix: " " + currency) }
        let total = options.currency.short(Double(table.totalCents) / 100)
        options.subtitle = "\(source): \(table.count) minutes, total \(total)"
        options.timeZone = table.zone
        let values = TimedSeries(name: "revenue", startMinute: revenue.start, stepMinutes: revenue.step, values: revenue.values)
        return try RevenueBarChart(perMinute: values).render(options)
    }
}
