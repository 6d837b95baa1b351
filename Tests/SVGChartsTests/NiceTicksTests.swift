import Testing
@testable import SVGCharts

/// d3-array's `ticks` and d3-scale's `linear.nice` tables.
@Suite struct NiceTicksTests {
    @Test(arguments: [
        (0.0, 1.0, 10.0, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0, 1, 9, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0, 1, 8, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]),
        (0, 1, 7, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 1, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 1, 4, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 1, 3, [0.0, 0.5, 1.0]),
        (0, 1, 2, [0.0, 0.5, 1.0]),
        (0, 1, 1, [0.0, 1.0]),
        (0, 10, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
        (0, 10, 7, [0, 2, 4, 6, 8, 10]),
        (0, 10, 3, [0, 5, 10]),
        (0, 10, 1, [0, 10]),
        (-10, 10, 10, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        (-10, 10, 7, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
        (-10, 10, 6, [-10, -5, 0, 5, 10]),
        (-10, 10, 3, [-10, -5, 0, 5, 10]),
        (-10, 10, 2, [-10, 0, 10]),
        (-10, 10, 1, [0]),
        (0.98, 1.14, 10, [0.98, 1, 1.02, 1.04, 1.06, 1.08, 1.1, 1.12, 1.14]),
        (0, 2.2, 3, [0, 1, 2]),
        (1, 364, 0.5, [200]),
        (1, 364, 1.5, [200]),
        (1, 499, 1, [200, 400]),
        (0.001, 0.364, 0.5, [0.2]),
        (-364, -1, 0.5, [-200]),
        (1, 364, 0.499, []),
        (1, 1, 10, [1]),
        (0, 1, 0, []),
        (0, 1, -1, []),
        (0, 1, .infinity, []),
        (.nan, 1, 1, []),
    ] as [(Double, Double, Double, [Double])])
    func ticks(start: Double, stop: Double, count: Double, expected: [Double]) {
        #expect(NiceTicks.ticks(start, stop, count: count) == expected)
    }

    @Test func reversedDomainGivesReversedTicks() {
        for count in 1...10 {
            for (a, b) in [(0.0, 1.0), (0, 10), (-10, 10)] {
                #expect(NiceTicks.ticks(b, a, count: Double(count)) == NiceTicks.ticks(a, b, count: Double(count)).reversed())
            }
        }
    }

    @Test func noNegativeZero() {
        let last = NiceTicks.ticks(-1, 0, count: 5).last ?? -1
        #expect(last == 0 && last.sign == .plus)
    }

    @Test(arguments: [
        (1.1, 10.9, 10.0, 1.0, 11.0),
        (0.7, 11.001, 10, 0, 12),
        (6.7, 123.1, 10, 0, 130),
        (0, 0.49, 10, 0, 0.5),
        (0, 14.1, 5, 0, 20),
        (0, 15, 5, 0, 20),
        (0.5, 0.5, 10, 0.5, 0.5),
        (12_345, 98_765, 5, 0, 100_000),
    ] as [(Double, Double, Double, Double, Double)])
    func nice(lo: Double, hi: Double, count: Double, niceLo: Double, niceHi: Double) {
        let result = NiceTicks.nice(lo, hi, count: count)
        #expect(result.0 == niceLo && result.1 == niceHi)
    }

    @Test func stepIsPositiveAndMatchesTicks() {
        #expect(NiceTicks.step(0, 1, count: 10) == 0.1)
        #expect(NiceTicks.step(0, 1000, count: 5) == 200)
        #expect(NiceTicks.step(1000, 0, count: 5) == 200)
    }
}
