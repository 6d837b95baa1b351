import Testing
@testable import SVGCharts

/// Time ticks on minute, hour and day boundaries, in UTC and in fixed-offset zones.
@Suite struct TimeTicksTests {
    static let monday = 28_603_500.0  // 2024-05-20 13:00 UTC

    static func ticks(_ span: Double, count: Double, from start: Double = monday, zone: ShopZone = .utc) -> [TimeTick] {
        TimeScale(start: start, end: start + span, range: (0, 800), timeZone: zone).ticks(count: count)
    }

    @Test(arguments: [
        (60.0, 6.0, 10), (360, 6, 60), (120, 10, 10), (30, 10, 2), (2880, 8, 360), (30240, 5, 10080),
        (1440, 8, 180), (90, 6, 15), (5, 10, 1),
    ] as [(Double, Double, Int)])
    func intervalNearestByRatio(span: Double, count: Double, interval: Int) {
        #expect(TimeScale.interval(span: span, count: count, from: TimeScale.clockIntervals) == interval)
    }

    @Test func tenMinuteTicksWithDateUnderFirst() {
        let ticks = Self.ticks(60, count: 6)
        #expect(ticks.map(\.lines) == [
            ["13:00", "Mon 20 May"], ["13:10"], ["13:20"], ["13:30"], ["13:40"], ["13:50"], ["14:00"],
        ])
        #expect(ticks.map(\.minute) == stride(from: Self.monday, through: Self.monday + 60, by: 10).map { $0 })
    }

    @Test func ticksStartOnTheNextBoundary() {
        let ticks = Self.ticks(100, count: 4, from: Self.monday + 7)
        #expect(ticks.first?.lines == ["13:30", "Mon 20 May"])
        #expect(ticks.map { $0.minute.truncatingRemainder(dividingBy: 30) } == Array(repeating: 0, count: ticks.count))
    }

    @Test func dayBoundaryShowsTheNewDate() {
        let ticks = Self.ticks(2 * 1440, count: 8)
        #expect(ticks.map(\.lines) == [
            ["18:00", "Mon 20 May"], ["00:00", "Tue 21 May"], ["06:00"], ["12:00"], ["18:00"],
            ["00:00", "Wed 22 May"], ["06:00"], ["12:00"],
        ])
    }

    @Test func dailyAndWeeklyTicksShowDatesOnly() {
        #expect(Self.ticks(6 * 1440, count: 6).map(\.lines) == [
            ["Tue 21 May"], ["Wed 22 May"], ["Thu 23 May"], ["Fri 24 May"], ["Sat 25 May"], ["Sun 26 May"],
        ])
        let weekly = Self.ticks(30 * 1440, count: 5)
        #expect(weekly.map(\.lines) == [["Mon 27 May"], ["Mon 3 Jun"], ["Mon 10 Jun"], ["Mon 17 Jun"]])
        let fortnightly = Self.ticks(40 * 1440, count: 5)
        #expect(fortnightly.map(\.lines) == [["Mon 27 May"], ["Mon 10 Jun"], ["Mon 24 Jun"]])
    }

    @Test func labelsFollowTheTimeZone() throws {
        let berlin = ShopZone(offsetSeconds: 2 * 3600)
        #expect(Self.ticks(60, count: 2, zone: berlin).first?.lines == ["15:00", "Mon 20 May"])
        let india = ShopZone(offsetSeconds: 5 * 3600 + 1800)
        let ticks = Self.ticks(360, count: 6, zone: india)
        #expect(ticks.first?.lines == ["19:00", "Mon 20 May"])
        #expect(ticks.first?.minute == Self.monday + 30)
        let late = Self.ticks(720, count: 4, zone: india)
        #expect(late.contains { $0.lines == ["00:00", "Tue 21 May"] })
    }

    @Test func elapsedTicksCountMinutesFromTheOrigin() {
        let scale = TimeScale(start: Self.monday, end: Self.monday + 359, range: (0, 700))
        let ticks = scale.elapsedTicks(origin: Self.monday, count: 6)
        #expect(ticks.map(\.lines) == [["0"], ["60"], ["120"], ["180"], ["240"], ["300"]])
        let short = TimeScale(start: Self.monday + 3, end: Self.monday + 50, range: (0, 700))
        #expect(short.elapsedTicks(origin: Self.monday, count: 5).map(\.lines) == [["10"], ["20"], ["30"], ["40"], ["50"]])
    }
}
