/// FlashCast's default model: last season as it was, unless the recent hours say otherwise.
///
/// The shapes are this sale's own revenue one season (a day) earlier, cleaned of one-off bursts
/// (see `BurstCleaning`) and times the earlier sale's change between the two seasons (its opening
/// surge fading, its closing rush, a day it closed earlier), and the earlier sale's revenue at the
/// same minute since the start. When last season's hourly ratios to this sale's recent hours centre on 1 (within two
/// standard errors), it is the forecast as it stands. Otherwise each shape's scale is the median of
/// the hourly ratios (last season's starts at 1 beside an earlier sale, whose change already sets
/// its level) and the shapes are mixed by how steady those ratios are (see `ShapeFit`); where the
/// last six hours' ratios say the level has moved, they set the scale, and last season's scale does not
/// lift again what the day it reads already showed (see `lastSeasonScale`). Without an
/// earlier sale the other shape is the mean of the last open days at the same time of day (a
/// level that keeps the daily rhythm; a flat level over the shop's opening hours while one day
/// alone is seen, when last season's scale is the newest six hours' ratio); before a season
/// has been seen, the earlier sale
/// alone or, without one, the training window's time-of-day profile scaled to the last six hours
/// (hours it has not seen at the level it has reached, see `SmoothedLevel`).
struct FlashcastModel: ForecastMethod {
    static let name = "flashcast"
    static let summary = "the default: last season as it was, unless the recent hours say otherwise"

    /// Minutes per block of the fit (an hour).
    static let blockMinutes = 60
    /// Half-width in minutes of the moving average applied to last season when forecasting.
    static let smoothingMinutes = 15
    /// Half-width in minutes of the windows that measure the earlier sale's change between seasons.
    static let seasonMinutes = 180
    /// Minutes of the recent stretch the time-of-day profile is scaled to (six hours).
    static let recentMinutes = 360
    /// Standard deviations of noise the earlier sale's change between seasons must exceed to count.
    static let changeSigmas = 2.0
    /// Largest factor the earlier sale's change between seasons may set (a Black Friday can be 3
    /// times the Thursday before it; beyond 4 a chance spike in a small earlier sale is likelier).
    static let largestChange = 4.0
    /// Open days averaged by the recent days' mean (a week: every weekday once).
    static let recentDays = 7
    /// Half-width in minutes of the moving average of the recent days' mean (an hour wide: a
    /// sparse shop's orders fall at different minutes each day).
    static let recentDaysSmoothingMinutes = 30
    /// Most closed days skipped when looking back a season (a long weekend).
    static let closedDaysSkipped = 3
    /// Fewest blocks a feature needs before it takes part in the fit.
    static let minimumBlocks = 4

    let input: ForecastInput
    let own: RunningTotals
    let earlier: RunningTotals?
    /// `SmoothedLevel`'s level of rows `0...row` for each row from `blockRows - 1` on, in the
    /// training window's first rows: the back-tests' origins there that see no season and no
    /// earlier sale read it instead of smoothing their rows again (see `smoothedLevel`).
    let earlyLevels: [Double]
    var loss: LossHistory { LossHistory() }
    var minimumRows: Int { blockRows * Self.minimumBlocks }
    /// Rows per block of the fit (at least one).
    var blockRows: Int { rows(Self.blockMinutes) }
    /// Half-width in rows of the moving average applied to last season.
    var smoothingRadius: Int { Self.smoothingMinutes / max(input.step, 1) }
    /// Half-width in rows of the windows of the season change.
    var seasonRadius: Int { rows(Self.seasonMinutes) }

    /// Rows in `minutes` (at least one).
    func rows(_ minutes: Int) -> Int { Self.rows(minutes, step: input.step) }

    /// Rows of `step` minutes in `minutes` (at least one).
    static func rows(_ minutes: Int, step: Int) -> Int { max(1, minutes / max(step, 1)) }

    /// An hour of rows.
    static func minimumTraining(window: Int, step: Int) -> Int { (60 + step - 1) / step }

    init(input: ForecastInput) {
        self.input = input
        own = RunningTotals(input.revenue)
        earlier = input.history.map { RunningTotals($0) }
        let rows = min(input.train, input.cutoff + 1), blockRows = Self.rows(Self.blockMinutes, step: input.step)
        earlyLevels = (input.history?.count ?? 0) < rows && rows >= blockRows
            ? SmoothedLevel.levels(input.revenue[..<rows], start: blockRows, from: blockRows - 1) : []
    }

    func rates(origin: Int, horizon: Int) -> [Double] {
        let features = availableFeatures(origin: origin)
        guard !features.isEmpty else { return timeOfDay(origin: origin, horizon: horizon) }
        let past = features.contains(.lastSeason) ? cleanedPast(origin: origin) : nil
        let open = features.contains(.level) ? openHours(origin: origin) : Array(repeating: true, count: 24)
        var fit = ShapeFit(blocks: fitBlocks(features, origin: origin, past: past, open: open), features: features.count,
                           recentBlocks: Self.recentMinutes / Self.blockMinutes)
        if let index = features.firstIndex(of: .lastSeason) {
            if fit.tracksAsIs(index) {
                fit.useAlone(index)
            } else if earlier != nil || (features.contains(.recentDays) && fit.isSparse(index)) {
                // The level is set by the steadier shape: the earlier sale's change, or, in a
                // sparse shop, the week's mean (one day's few busy hours over another's are noise).
                fit.setScale(index, to: 1)
            } else if features.contains(.level) {
                // One day seen and no earlier sale: last season is the opening day, whose surge
                // fades through it, so today's hourly ratios to it climb through the window and
                // their median lags the level reached: the newest six hours' ratio sets the scale.
                fit.useRecentScale(index)
            }
        }
        // Where last season beside an earlier sale follows the newest hours, its scale was read
        // against the earlier sale's change there: the forecast keeps that change unless the
        // earlier sale says otherwise (see `seasonChange(at:back:readAt:origin:)`).
        var readAt: Int?
        for (index, feature) in features.enumerated() where feature != .level {
            fit.keepUnlessSignificant(index)
            // Last season beside an earlier sale follows a moved level too: this year's days may
            // differ otherwise than last year's (a bigger Black Friday, a quieter Saturday after
            // it). The recent days' mean is no guide once the level has moved: its scale was
            // fitted on the older level, and the days it averages differ by the hour (a surge on
            // one of them), so a few hours' ratio is no level for the rest of the day either:
            // last season goes alone.
            guard feature != .recentDays else { continue }
            if fit.followRecentLevel(index), feature == .lastSeason {
                fit.weighAlone(index)
                if earlier != nil { readAt = origin - rows(Self.recentMinutes) / 2 }
            }
        }
        let rows = origin + 1..<origin + 1 + horizon
        var lastSeasonScales: [Double] = []
        if let index = features.firstIndex(of: .lastSeason), let past {
            lastSeasonScales = rows.map { lastSeasonScale(fit.scales[index], row: $0, origin: origin, past: past) }
            // Where last season's day already showed the lift, the level has moved since the
            // other shapes' scales were fitted: last season goes alone, as after `followRecentLevel`.
            if lastSeasonScales.contains(where: { $0 != fit.scales[index] }) { fit.weighAlone(index) }
        }
        return rows.map { row in
            var rate = 0.0
            for (index, feature) in features.enumerated() where fit.weights[index] > 0 {
                let scale = feature == .lastSeason && !lastSeasonScales.isEmpty ? lastSeasonScales[row - origin - 1] : fit.scales[index]
                rate += fit.weights[index] * scale * forecastValue(feature, row: row, origin: origin, past: past, open: open, readAt: readAt)
            }
            return rate
        }
    }

    /// This sale's rows that last season's fit and forecast read from `origin`, cleaned of bursts and
    /// of single orders worth more than the four hours around them; a peak that stood out a season
    /// earlier or in the earlier sale too is kept.
    func cleanedPast(origin: Int) -> BurstCleaning {
        let echoes = [BurstCleaning.Echo(totals: own, shift: input.season)] + (earlier.map { [BurstCleaning.Echo(totals: $0, shift: 0)] } ?? [])
        return BurstCleaning(revenue: input.revenue, raw: own, first: origin + 1 - min(input.train, origin + 1)
                             - (1 + Self.closedDaysSkipped) * input.season - smoothingRadius, last: origin, step: input.step, echoes: echoes, heavyOrders: true)
    }
}
