extension ForecastMetrics {
    /// Mean absolute percentage error: the mean of `|forecast - actual| / |actual|` over the rows both
    /// have, skipping rows whose actual is zero; nil when no row counts (0.05 is 5%).
    public static func mape(forecast: [Double], actual: [Double]) -> Double? {
        let ratios = zip(forecast, actual).filter { $0.1 != 0 }.map { abs($0.0 - $0.1) / abs($0.1) }
        return ratios.isEmpty ? nil : ratios.reduce(0, +) / Double(ratios.count)
    }
}
