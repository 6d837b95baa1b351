#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the default model mixes.
enum ShapeFeature {
    /// The earlier sale's revenue at the same minute since the start.
    case earlierSale
    /// This sale's revenue one season earlier.
    case lastSeason
    /// This sale's mean revenue at the same time of day over its last open days (up to a week):
    /// a level that keeps the daily rhythm (nothing at night, nothing while the shop is shut).
    case recentDays
    /// A constant revenue per minute over the shop's opening hours (while one day alone would
    /// make the recent days' mean last season again).
    case level

    /// The case's name (without reflection: back-tests ask it at every origin).
    var name: String {
        switch self {
        case .earlierSale: "earlierSale"
        case .lastSeason: "lastSeason"
        case .recentDays: "recentDays"
        case .level: "level"
        }
    }
}

extension FlashcastModel {
    /// The shapes usable at `origin`, named: back-tests from origins that could mix other shapes
    /// weigh less in the intervals.
    func method(origin: Int) -> String { availableFeatures(origin: origin).map(\.name).joined(separator: "+") }

    /// The rows of the training window at `origin` that a reference shape covers: all of them
    /// while the earlier sale covers the origin, else those a season after the sale's first row
    /// once last season takes part (none before: the training window's time-of-day profile
    /// references nothing).
    func information(origin: Int) -> Int {
        let rows = min(input.train, origin + 1)
        if let history = input.history, history.count > origin { return rows }
        return availableFeatures(origin: origin).contains(.lastSeason) ? max(min(rows, origin + 1 - input.season), 0) : 0
    }

    /// The features usable at `origin`: the earlier sale while it covers the origin (from the
    /// first minute on), last season once 4 hours of it lie before the origin; without an earlier
    /// sale, beside last season, the recent days' mean once two days and 4 hours are seen (a flat
    /// level before).
    func availableFeatures(origin: Int) -> [ShapeFeature] {
        let blocks = min(input.train, origin + 1) / blockRows
        let seasonSeen = blocks >= Self.minimumBlocks && origin + 1 - input.season >= Self.minimumBlocks * blockRows
        if let history = input.history, history.count > origin {
            return seasonSeen ? [.earlierSale, .lastSeason] : [.earlierSale]
        }
        guard seasonSeen else { return [] }
        return origin + 1 - 2 * input.season >= Self.minimumBlocks * blockRows ? [.lastSeason, .recentDays] : [.lastSeason, .level]
    }

    /// One row per hourly block ending at `origin` (newest first): this sale's revenue and the
    /// features' totals over the same rows; one shorter block in the first hour of a sale. Last
    /// season is read from `past` (`cleanedPast`), given whenever it is among the features, the
    /// level's opening hours from `open` (`openHours`). Blocks
    /// on a day the shop was closed are left out: they say nothing about an open day's level.
    func fitBlocks(_ features: [ShapeFeature], origin: Int, past: BurstCleaning?, open: [Bool]) -> [ShapeFit.Block] {
        let rows = min(input.train, origin + 1)
        let size = rows < blockRows ? rows : blockRows
        let count = rows / size
        return (0..<count).compactMap { age in
            let last = origin - age * size, first = last - size + 1
            let totals = features.map { feature -> Double? in
                switch feature {
                case .earlierSale: return earlier?.total(first, last)
                case .lastSeason:
                    let back = seasonBack(first, origin: origin)
                    guard let past, first - back >= 0 else { return nil }
                    return past.total(first - back, last - back) * seasonChange(at: (first + last) / 2, back: back)
                case .recentDays: return recentDaysTotal(first, last, origin: origin)
                case .level: return Double((first...last).reduce(0) { open[input.minuteOfDay[$1] / 60] ? $0 + 1 : $0 })
                }
            }
            guard totals.allSatisfy({ $0 != nil }), !closedDay(first, origin: origin), !closedDay(last, origin: origin) else { return nil }
            return ShapeFit.Block(target: own.total(first, last), features: totals.map { $0 ?? 0 },
                                  day: localDayFirst(first))
        }
    }

    /// A feature's value at a forecast row (after `origin`), from rows up to `origin` only (last
    /// season's from `past`).
    func forecastValue(_ feature: ShapeFeature, row: Int, origin: Int, past: BurstCleaning?, open: [Bool], readAt: Int? = nil) -> Double {
        switch feature {
        case .level: return open[input.minuteOfDay[row] / 60] ? 1 : 0
        case .recentDays:
            let backs = recentDaysBack(row, origin: origin)
            guard !backs.isEmpty else { return 0 }
            let radius = rows(Self.recentDaysSmoothingMinutes)
            return backs.reduce(0) { $0 + own.smoothed(row - $1, radius: radius, limit: origin) } / Double(backs.count)
        case .earlierSale:
            guard let earlier else { return 0 }
            let last = earlier.count - 1
            return row <= last ? earlier.total(row, row) : earlier.total(last - blockRows + 1, last) / Double(blockRows)
        case .lastSeason:
            guard let past else { return 0 }
            let back = seasonBack(row, origin: origin)
            let change = readAt.map { seasonChange(at: row, back: back, readAt: $0, origin: origin) } ?? seasonChange(at: row, back: back)
            return past.smoothed(row - back, radius: smoothingRadius, limit: origin) * change
        }
    }

    /// The season change at forecast `row` (`back` rows to its season) for last season whose scale
    /// was read from the newest hours, around row `reference` (see `ShapeFit.followRecentLevel`):
    /// where `row` reads last season from the same day as those hours did, the change at
    /// `reference`, which that scale was fitted against, times the earlier sale's change from
    /// there to `row` where that lies beyond `changeSigmas` standard deviations of the noise of
    /// all four windows it is read from (at most `largestChange` either way). Each change on its
    /// own passes or fails its test, so two windows a few hours apart can differ by a whole change
    /// where the earlier sale barely moved between them: on a shop of heavy-tailed baskets, 0.53
    /// over the newest hours (by the chance of a few large orders a day before) and 1 over the
    /// rest of the evening, so that the scale read against the first (2.9) lifted the evening to
    /// 3 times its level. The scale and the change it is applied with must agree. A row that
    /// reads last season from a later day (today, already at the level reached) takes its own
    /// change, as `lastSeasonScale` takes its own part of the scale. Nothing once the earlier
    /// sale's day had closed (`closedEarlier`); the change at `reference` where the earlier sale
    /// does not cover `row`.
    func seasonChange(at row: Int, back: Int, readAt reference: Int, origin: Int) -> Double {
        guard let earlier else { return 1 }
        if closedEarlier(at: row, back: back) { return 0 }
        let referenceBack = seasonBack(reference, origin: origin)
        guard row - back >= 0, localDayFirst(row - back) == localDayFirst(reference - referenceBack) else {
            return seasonChange(at: row, back: back)
        }
        let fitted = seasonChange(at: reference, back: referenceBack)
        let width = 2 * seasonRadius, nowFirst = dayWindowFirst(row), readFirst = dayWindowFirst(reference)
        guard fitted > 0, nowFirst + width < earlier.count, readFirst + width < earlier.count else { return fitted }
        let windows = [nowFirst, nowFirst - back, readFirst, readFirst - referenceBack]
        let totals = windows.map { earlier.total($0, $0 + width) }
        guard totals.allSatisfy({ $0 > 0 }) else { return fitted }
        let change = log(totals[0] / totals[1]) - log(totals[2] / totals[3])
        let noise = zip(windows, totals).reduce(0) { $0 + earlier.noiseVariance($1.0, $1.0 + width) / ($1.1 * $1.1) }
        guard change * change > Self.changeSigmas * Self.changeSigmas * noise else { return fitted }
        return min(max(fitted * exp(change), 1 / Self.largestChange), Self.largestChange)
    }

    /// How much more the earlier sale earned around `row` than `back` rows before (1 without an
    /// earlier sale): the opening surge fading and the closing rush, as the earlier sale went. A
    /// change within two standard deviations of its noise counts as none, so that a small or sparse
    /// earlier sale's chance wobbles between days are not taken for a trend. The windows lie
    /// within `row`'s local day (see `dayWindowFirst`). Nothing once the earlier sale's day had
    /// closed while its day before still sold (see `closedEarlier`).
    func seasonChange(at row: Int, back: Int) -> Double {
        guard let earlier else { return 1 }
        if closedEarlier(at: row, back: back) { return 0 }
        let width = 2 * seasonRadius, nowFirst = dayWindowFirst(row)
        guard nowFirst + width < earlier.count else { return 1 }
        let thenFirst = nowFirst - back
        return Self.change(now: earlier.total(nowFirst, nowFirst + width), nowNoise: earlier.noiseVariance(nowFirst, nowFirst + width),
                           then: earlier.total(thenFirst, thenFirst + width), thenNoise: earlier.noiseVariance(thenFirst, thenFirst + width))
    }

    /// Whether the earlier sale's day had closed by `row` while its day `back` rows before still
    /// sold: nothing from `row` to the end of its local day, where the day before earned beyond
    /// `changeSigmas` standard deviations of its noise over the same hours (a handful of orders:
    /// one order is a quiet evening's chance, not an opening hour). A shop that closes earlier on
    /// some weekdays (at 17:00 on Wednesdays, 20:00 on Tuesdays) is shut on Wednesday evening
    /// whatever Tuesday evening sold; a day the earlier sale did not see whole says nothing.
    func closedEarlier(at row: Int, back: Int) -> Bool {
        guard let earlier, row < input.minuteOfDay.count, row - back >= 0 else { return false }
        let dayLast = localDayFirst(row) + rows(1440) - 1
        guard dayLast < earlier.count, earlier.total(row, dayLast) <= 0 else { return false }
        let then = earlier.total(row - back, dayLast - back)
        return then * then > Self.changeSigmas * Self.changeSigmas * earlier.noiseVariance(row - back, dayLast - back)
    }

    /// The first row of `row`'s local calendar day (before the first row when that day began earlier).
    func localDayFirst(_ row: Int) -> Int { row - input.minuteOfDay[row] / max(input.step, 1) }

    /// The first row of the window of the season change at `row`: `seasonRadius` rows either side
    /// of it, moved to lie within `row`'s local day. Days differ as wholes: late on the Thursday
    /// before Black Friday, a window reaching past midnight would count Friday's midnight surge as
    /// Thursday evening's change.
    func dayWindowFirst(_ row: Int) -> Int {
        guard row < input.minuteOfDay.count else { return row - seasonRadius }
        let dayFirst = localDayFirst(row), dayLast = dayFirst + rows(1440) - 1
        return max(dayFirst, min(row - seasonRadius, dayLast - 2 * seasonRadius))
    }

    /// Last season's scale at forecast `row` (read from the cleaned `past`): `scale` without the
    /// part of it that the day it reads already showed over its own day before (over the same
    /// 6-hour windows as `seasonChange`, ending at `origin` at the latest). After a day unlike the
    /// day before (Black Friday at 3 times Thursday), the scale fitted on it (3) lifts Thursday's
    /// hours, not Friday's again: a reference row already at the new level is not lifted twice.
    /// The scale is reduced towards 1, never past it, but for a reference day that rose beyond
    /// the level reached without an earlier sale (see `surgeShown`). Without an earlier sale, a
    /// reference in the newest day that rose over its own day before by as much as the level
    /// reached (or more) is read at its day before's level (`1 / rise`, see `dayRise`): the
    /// scale measured that day's own move, and nothing says whether the next day keeps it (the
    /// Saturday after Black Friday earned half of Friday). Between the old level and the new one
    /// with even odds, the lower errs least relative to what comes (a day at 1 or 3: forecasting f
    /// between them errs (f - 1) / 2 + (1 - f / 3) / 2 = f / 3 on average, least at 1).
    func lastSeasonScale(_ scale: Double, row: Int, origin: Int, past: BurstCleaning) -> Double {
        guard scale != 1 else { return scale }
        let reference = row - seasonBack(row, origin: origin)
        let last = min(reference + seasonRadius, origin), first = last - 2 * seasonRadius
        let back = seasonBack(first, origin: origin)
        guard first - back >= past.first else { return scale }
        let shown = pastChange(past, first: first, last: last, back: back)
        if earlier == nil, scale > 1, let rise = dayRise(reference, origin: origin, past: past), rise >= scale { return 1 / rise }
        if surgeShown(scale, shown: shown) { return scale / shown }
        return scale / (scale > 1 ? min(max(shown, 1), scale) : max(min(shown, 1), scale))
    }

    /// How much the day of `reference` (the newest day, seen from `origin`) rose over its day before,
    /// over 6-hour windows within that day (nil when `reference` lies before the newest day or its
    /// windows before the cleaned past).
    func dayRise(_ reference: Int, origin: Int, past: BurstCleaning) -> Double? {
        guard reference > origin - rows(1440) else { return nil }
        let first = dayWindowFirst(reference), last = min(first + 2 * seasonRadius, origin)
        let back = seasonBack(first, origin: origin)
        guard last > first, first - back >= past.first else { return nil }
        return pastChange(past, first: first, last: last, back: back)
    }

    /// The change (`change`) of this sale's cleaned revenue `past` over rows `first...last` from the
    /// same rows `back` rows earlier, judged against this sale's own noise there.
    func pastChange(_ past: BurstCleaning, first: Int, last: Int, back: Int) -> Double {
        Self.change(now: past.total(first, last), nowNoise: own.noiseVariance(first, last),
                    then: past.total(first - back, last - back), thenNoise: own.noiseVariance(first - back, last - back))
    }

    /// Whether the day last season reads rose over its own day before by `shown`, beyond the level
    /// this sale has reached (`scale`, above 1), with no earlier sale to say how that day ends:
    /// it held a surge of its own (Black Friday's first hours at 6 times Thursday's while the day
    /// settled at 3), and read as it stands it would forecast that surge again (the Saturday
    /// after it, whose first hours earned half of Friday's level, at Friday's midnight rush:
    /// +136% from Saturday 00:39). Such a day is read at the level reached, as its day before was
    /// (`scale / shown`, below 1). An earlier sale's change between the two days already carries
    /// the surge's end (last year's Saturday after its Black Friday). Only a rise: a day that fell
    /// beyond the level reached fell from an opening day's surge, which does not come back (lifting
    /// it again made sim-surge's median hre@200 5% -> 40% on the tuning seeds).
    func surgeShown(_ scale: Double, shown: Double) -> Bool { earlier == nil && scale > 1 && shown > scale }

    /// The factor from a total `then` to a total `now`, given each one's noise variance: 1 when the
    /// change lies within `changeSigmas` standard deviations of the noise (or either total is
    /// nothing), at most `largestChange` either way.
    static func change(now: Double, nowNoise: Double, then: Double, thenNoise: Double) -> Double {
        guard then > 0, now > 0 else { return 1 }
        let change = log(now / then)
        let noise = thenNoise / (then * then) + nowNoise / (now * now)
        guard change * change > changeSigmas * changeSigmas * noise else { return 1 }
        return min(max(exp(change), 1 / largestChange), largestChange)
    }

    /// Before a season has been seen and without an earlier sale: the training window's mean
    /// revenue by local hour, scaled so that the last 6 hours match (as it is when they sold
    /// nothing: a shop shut for the evening says nothing of its daytime level); hours the window
    /// did not see take the level the window has reached (`SmoothedLevel`, started on its first
    /// hour), which is nothing after 6 hours without a sale: on a shop's lumpy orders the smoothing
    /// weight that errs least one minute ahead is the smallest, whose level stays near the day's
    /// mean through an evening in which the shop sold nothing.
    func timeOfDay(origin: Int, horizon: Int) -> [Double] {
        let first = max(0, origin - input.train + 1)
        var sums = Array(repeating: 0.0, count: 24), counts = Array(repeating: 0.0, count: 24)
        input.minuteOfDay.withUnsafeBufferPointer { minuteOfDay in  // rows up to the cutoff: inside both
            input.revenue.withUnsafeBufferPointer { revenue in
                sums.withUnsafeMutableBufferPointer { sums in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for row in first...origin {
                            let hour = minuteOfDay[row] / 60
                            sums[hour] += revenue[row]
                            counts[hour] += 1
                        }
                    }
                }
            }
        }
        let hourly = (0..<24).map { counts[$0] > 0 ? sums[$0] / counts[$0] : -1 }
        let mean = own.total(first, origin) / Double(origin - first + 1)
        let profile = hourly.map { $0 >= 0 ? $0 : mean }
        let recent = max(first, origin - rows(Self.recentMinutes) + 1)
        let expected = (recent...origin).reduce(0.0) { $0 + profile[input.minuteOfDay[$1] / 60] }
        let recentTotal = own.total(recent, origin)
        let scale = expected > 0 ? recentTotal / expected : 1
        let level = recentTotal > 0 ? smoothedLevel(first: first, origin: origin) ?? mean : 0
        return (origin + 1..<origin + 1 + horizon).map { row in
            let hour = input.minuteOfDay[row] / 60
            return hourly[hour] >= 0 ? scale * hourly[hour] : max(level, 0)
        }
    }
}

extension FlashcastModel {
    /// `SmoothedLevel`'s level of rows `first...origin`, started on their first hour (`earlyLevels`
    /// where it holds them).
    func smoothedLevel(first: Int, origin: Int) -> Double? {
        let index = origin - (blockRows - 1)
        guard first == 0, index >= 0, index < earlyLevels.count else {
            return SmoothedLevel.level(input.revenue[first...origin], start: blockRows)
        }
        return earlyLevels[index]
    }

    /// The shop's opening hours seen from `origin`: per local hour, whether anything was sold in
    /// it over the last week up to `origin` (every hour when nothing was sold at all).
    func openHours(origin: Int) -> [Bool] {
        var open = Array(repeating: false, count: 24), opened = 0
        input.minuteOfDay.withUnsafeBufferPointer { minuteOfDay in  // rows up to the cutoff: inside both
            input.revenue.withUnsafeBufferPointer { revenue in
                for row in stride(from: origin, through: max(0, origin + 1 - Self.recentDays * input.season), by: -1)
                where revenue[row] > 0 && !open[minuteOfDay[row] / 60] {
                    open[minuteOfDay[row] / 60] = true
                    opened += 1
                    if opened == open.count { break }  // every hour open: no row can change it
                }
            }
        }
        return opened > 0 ? open : Array(repeating: true, count: 24)
    }

    /// The recent days' mean total over rows `first...last` (nil when no open day lies before them).
    func recentDaysTotal(_ first: Int, _ last: Int, origin: Int) -> Double? {
        let backs = recentDaysBack(first, origin: origin)
        guard !backs.isEmpty else { return nil }
        return backs.reduce(0) { $0 + own.total(first - $1, last - $1) } / Double(backs.count)
    }

    /// Rows back from `row` to each of the last `recentDays` open days that stand for it seen from
    /// `origin` (whole seasons, every one reaching observed rows; closed days left out).
    func recentDaysBack(_ row: Int, origin: Int) -> [Int] {
        let season = input.season
        var back = row > origin ? ((row - origin + season - 1) / season) * season : season
        var backs: [Int] = []
        while backs.count < Self.recentDays, row - back >= 0 {
            if !closedDay(row - back, origin: origin) { backs.append(back) }
            back += season
        }
        return backs
    }

    /// Rows back from `row` to the season that stands for it seen from `origin`: the nearest whole
    /// seasons that reach the observed rows, skipping days the shop was closed (a closed Saturday
    /// says nothing about Sunday's hours), at most `closedDaysSkipped` of them.
    func seasonBack(_ row: Int, origin: Int) -> Int {
        let season = input.season
        var back = row > origin ? ((row - origin + season - 1) / season) * season : season
        var skipped = 0
        while skipped < Self.closedDaysSkipped, closedDay(row - back, origin: origin), row - back - season >= 0 {
            back += season
            skipped += 1
        }
        return back
    }

    /// Whether `row` lies in a local calendar day observed whole by `origin` on which nothing was sold.
    func closedDay(_ row: Int, origin: Int) -> Bool {
        guard row >= 0, row <= origin else { return false }
        let first = localDayFirst(row), last = first + input.season - 1
        return first >= 0 && last <= origin && own.total(first, last) <= 0
    }
}
