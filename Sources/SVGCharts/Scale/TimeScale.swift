/// A linear scale over epoch minutes whose ticks land on minute, hour and day boundaries
/// of a time zone's wall clock, or on round minute counts since a start.
public struct TimeScale: Sendable {
    /// The underlying minute-to-pixel mapping.
    public let linear: LinearScale
    /// The zone whose wall clock labels the ticks.
    public let timeZone: ShopZone

    /// Tick intervals in minutes for clock labels, as d3's time scale has them.
    static let clockIntervals = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080]
    /// Tick intervals in minutes for elapsed-time labels.
    static let elapsedIntervals = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440]

    /// A scale from the epoch minutes `start...end` onto `range`, labelled in `timeZone`.
    public init(start: Double, end: Double, range: (Double, Double), timeZone: ShopZone = .utc) {
        linear = LinearScale(domain: (start, end), range: range)
        self.timeZone = timeZone
    }

    /// The pixel position of epoch minute `minute`.
    public func callAsFunction(_ minute: Double) -> Double { linear(minute) }

    /// The interval from `intervals` nearest (by ratio) to the span divided by `count`.
    static func interval(span: Double, count: Double, from intervals: [Int]) -> Int {
        let target = span / max(count, 1)
        guard let i = intervals.firstIndex(where: { Double($0) > target }) else {
            let week = 10080.0
            return Int(week * max(1, (target / week).rounded(.up)))
        }
        guard i > 0 else { return intervals[0] }
        return target / Double(intervals[i - 1]) < Double(intervals[i]) / target ? intervals[i - 1] : intervals[i]
    }

    /// The UTC offset in minutes at epoch minute `minute`.
    func offset(at minute: Double) -> Int {
        timeZone.offset(atUTC: Int((minute * 60).rounded(.down))) / 60
    }

    /// About `count` ticks on wall-clock boundaries; a tick shows `14:00`, and below it the date
    /// (`Mon 20 May`) where the day changes; day-or-longer intervals show only the date.
    public func ticks(count: Double) -> [TimeTick] {
        let (lo, hi) = (min(linear.domain.lo, linear.domain.hi), max(linear.domain.lo, linear.domain.hi))
        let step = Self.interval(span: hi - lo, count: count, from: Self.clockIntervals)
        let shift = offset(at: lo)
        let phase = step % 10080 == 0 ? 4 * 1440 : 0  // weeks start on Monday (1970-01-05)
        let localLo = Int(lo.rounded(.up)) + shift, localHi = Int(hi.rounded(.down)) + shift
        var local = (localLo - phase + step - 1).floorDiv(step) * step + phase
        var ticks: [TimeTick] = []
        var previousDay: Int?
        while local <= localHi && ticks.count < 1000 {
            let utc = Double(local - offset(at: Double(local - shift)))
            let civil = CivilTime(localMinute: local)
            let day = local.floorDiv(1440)
            var lines = step >= 1440 ? [civil.dateLabel] : [civil.clockLabel]
            if step < 1440 && day != previousDay { lines.append(civil.dateLabel) }
            ticks.append(TimeTick(minute: utc, lines: lines))
            previousDay = day
            local += step
        }
        return ticks
    }

    /// About `count` ticks on round minute counts since `origin`, labelled `0`, `30`, `60`.
    public func elapsedTicks(origin: Double, count: Double) -> [TimeTick] {
        let (lo, hi) = (min(linear.domain.lo, linear.domain.hi) - origin, max(linear.domain.lo, linear.domain.hi) - origin)
        let step = Self.interval(span: hi - lo, count: count, from: Self.elapsedIntervals)
        var m = Int(lo.rounded(.up)).floorDiv(step) * step
        if Double(m) < lo { m += step }
        var ticks: [TimeTick] = []
        while Double(m) <= hi && ticks.count < 1000 {
            ticks.append(TimeTick(minute: Double(m) + origin, lines: [String(m)]))
            m += step
        }
        return ticks
    }
}

/// One tick of a time axis: its epoch minute and its label, one string per text line.
public struct TimeTick: Sendable, Equatable {
    /// The tick's position in epoch minutes.
    public let minute: Double
    /// The label lines, top to bottom.
    public let lines: [String]
}
