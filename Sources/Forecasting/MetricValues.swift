/// Measures read by metric, with every band's coverage and width: one forecast's metrics or a
/// back-test's means.
public protocol MetricValues {
    /// The defined measures.
    var values: [Metric: Double] { get set }
    /// Every band's coverage and mean width, in band order.
    var bands: [BandMetrics] { get }
}

extension MetricValues {
    /// The measure of `metric`, nil where undefined.
    public subscript(metric: Metric) -> Double? {
        get { values[metric] }
        set { values[metric] = newValue }
    }

    /// Every measure by its key, in `Metric` order, then with several bands each band's
    /// `coverage80`, `width80`... (a single band's are `coverage` and `width`): the fields of the
    /// Lua tables and of the JSON.
    public var fields: [(key: String, value: Double?)] {
        Metric.allCases.map { ($0.key, self[$0]) } + bandFields
    }

    /// With several bands each band's `coverage80`, `width80`..., else none.
    public var bandFields: [(key: String, value: Double?)] {
        guard bands.count > 1 else { return [] }
        return bands.flatMap { band -> [(key: String, value: Double?)] in
            let percent = ForecastBand.percentText(band.level)
            return [(Metric.coverage.key + percent, band.coverage), (Metric.width.key + percent, band.meanWidth)]
        }
    }
}

extension Metric {
    /// Every key with no value: the fields of a forecast without actuals.
    public static var undefinedFields: [(key: String, value: Double?)] {
        allCases.map { ($0.key, nil) }
    }
}
