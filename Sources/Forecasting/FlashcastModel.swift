/// FlashCast's default model: a mix of shapes, each scaled to this sale by a robust level.
///
/// The shapes are the earlier sale's revenue at the same minute since the start and this sale's
/// own revenue one season (a day) earlier, the latter times the earlier sale's change between the
/// two seasons (its opening surge fading, its closing rush). Over the training window's hourly
/// blocks, each shape's scale is the median of this sale's revenue over the shape's, and the
/// shapes are mixed by how steady those ratios are (see `ShapeFit`). Without an earlier sale the
/// mix is last season's revenue and a flat level; before a season has been seen, the training
/// window's time-of-day profile scaled to the last six hours.
struct FlashcastModel: FittedModel {
    /// Rows per block of the fit (an hour of minutes).
    static let blockRows = 60
    /// Half-width of the moving average applied to last season's minutes when forecasting.
    static let smoothingRadius = 15
    /// Half-width of the windows over which the earlier sale's change between seasons is measured.
    static let seasonRadius = 180
    /// Fewest blocks a feature needs before it takes part in the fit.
    static let minimumBlocks = 4

    let input: ForecastInput
    let own: RunningTotals
    let earlier: RunningTotals?
    var loss: LossHistory { LossHistory() }
    var minimumRows: Int { Self.blockRows * Self.minimumBlocks }

    init(input: ForecastInput) {
        self.input = input
        own = RunningTotals(input.revenue)
        earlier = input.history.map(RunningTotals.init)
    }

    func rates(origin: Int, horizon: Int) -> [Double] {
        let features = availableFeatures(origin: origin)
        guard !features.isEmpty else { return timeOfDay(origin: origin, horizon: horizon) }
        let blocks = fitBlocks(features, origin: origin)
        let fit = ShapeFit(blocks: blocks, features: features.count)
        return (origin + 1..<origin + 1 + horizon).map { row in
            var rate = 0.0
            for (index, feature) in features.enumerated() {
                rate += fit.weights[index] * fit.scales[index] * forecastValue(feature, row: row, origin: origin)
            }
            return rate
        }
    }
}
