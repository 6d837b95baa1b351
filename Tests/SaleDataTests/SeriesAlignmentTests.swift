import Testing
@testable import SaleData

@Suite struct SeriesAlignmentTests {
    let start = may20 / 60
    var series: Series { Series(start: start, values: [1, 3, 0, 4, 2]) }

    @Test func combinesTheTimesBothSeriesHave() throws {
        let later = Series(start: start + 2, values: [10, 20, 30, 40, 50])
        let difference = try Series.combined(series, later, -)
        #expect(difference.start == start + 2)
        #expect(difference.values == [-10, -16, -28])
        let (first, second) = try Series.aligned(later, series)
        #expect(first.values == [10, 20, 30] && second.values == [0, 4, 2])
    }

    @Test func refusesDifferentStepsUnlessAskedToResample() throws {
        let fives = Series(start: start - 3, step: 5, values: [1, 2])
        #expect(throws: SeriesError(description: "series steps differ (1 and 5 minutes): resample first, as s:resample(5), or align with s:align(t, 'sum')")) {
            try Series.combined(series, fives, +)
        }
        let (first, second) = try Series.aligned(series, fives, resample: .sum)
        #expect(first.values == [4, 6] && second.values == [1, 2] && first.step == 5)
    }

    @Test func refusesTimesOffTheGridAndSeriesThatDoNotMeet() throws {
        let offGrid = Series(start: start + 2, step: 5, values: [1])
        #expect(throws: SeriesError(description: "series times do not line up: they start 2 minutes apart with a step of 5")) {
            try Series.aligned(Series(start: start, step: 5, values: [1]), offGrid)
        }
        #expect(throws: SeriesError(description: "series do not overlap in time (2021-05-20T14:03..2021-05-20T14:07 and 2021-05-20T15:03..2021-05-20T15:03): move one with s:shift(n)")) {
            try Series.combined(series, Series(start: start + 60, values: [1]), +)
        }
        #expect(try Series.combined(series, Series(start: 0, values: []), +).values.isEmpty)
    }

    @Test func shiftsByStepsWithinTheSpanLimit() throws {
        let shifted = try Series(start: start, step: 5, values: [1, 2]).shifted(by: -2)
        #expect(shifted.start == start - 10 && shifted.values == [1, 2])
        #expect(try Series.combined(series, series.shifted(by: 1), -).values == series.diff().values)
        #expect(throws: SeriesError(description: "shift of 9223372036854775807 steps reaches beyond 1e15 seconds from 1970")) {
            try series.shifted(by: .max)
        }
        #expect(throws: SeriesError.self) { try series.shifted(by: Series.minuteLimit) }
    }

    @Test func rollsWindowsOfEachSummary() throws {
        #expect(try series.rolling(2, .sum).values == [4, 3, 4, 6])
        #expect(try series.rolling(2, .sum).start == start + 1)
        #expect(try series.rolling(2, .mean).values == [2, 1.5, 2, 3])
        #expect(try series.rolling(3, .min).values == [0, 0, 0])
        #expect(try series.rolling(3, .max).values == [3, 4, 4])
        #expect(try series.rolling(1, .max).values == series.values)
        #expect(try series.rolling(6, .sum).values.isEmpty)
        #expect(try series.rolling(2) { Double($0.count) }.values == [2, 2, 2, 2])
        #expect(throws: SeriesError(description: "window must be at least 1, got 0")) { try series.rolling(0, .sum) }
        #expect(throws: SeriesError.self) { try series.rolling(.min, .sum) }
    }

    @Test func rollingMatchesAPlainWindowOnRandomValues() throws {
        var generator = SystemRandomNumberGenerator()
        let values = (0..<500).map { _ in Double(Int.random(in: -1000...1000, using: &generator)) / 7 }
        let random = Series(start: start, values: values)
        for window in [1, 2, 7, 100, 500] {
            let windows = (window - 1..<values.count).map { values[($0 + 1 - window)...$0] }
            #expect(try random.rolling(window, .max).values == windows.map { $0.max()! })
            #expect(try random.rolling(window, .min).values == windows.map { $0.min()! })
            let sums = try random.rolling(window, .sum).values
            for (sum, window) in zip(sums, windows) { #expect(abs(sum - window.reduce(0, +)) < 1e-9) }
        }
    }

    @Test func rollingCarriesNaNAndInfinityOnlyInTheirWindows() throws {
        let special = Series(start: start, values: [1, .nan, 2, 3, .infinity, 4, 5])
        let sums = try special.rolling(2, .sum).values
        #expect(sums[0].isNaN && sums[1].isNaN && sums[2] == 5 && sums[3] == .infinity && sums[5] == 9)
        #expect(try special.rolling(2, .max).values == [1, 2, 3, .infinity, .infinity, 5])
        #expect(try Series(start: start, values: [.nan, .nan]).rolling(1, .min).values.allSatisfy(\.isNaN))
    }

    @Test func sumsMoneyExactlyInCents() throws {
        let money = Series(start: start, values: [0.1, 0.2, 93351.81])
        #expect(money.cumsum().values == [0.1, 0.3, 93352.11])
        #expect(money.sum == 93352.11)
        #expect(try money.rolling(2, .sum).values == [0.3, 93352.01])
        #expect(money.cumsum().csv().contains("2021-05-20T14:04,0.3\n"))
        let rates = Series(start: start, values: [1e-17, 1, -1])
        #expect(rates.sum == 1e-17)  // compensated, where plain addition gives 0
        #expect(Series(start: start, values: [1, .nan]).sum.isNaN)
    }

    @Test func findsTheExtremesWithTheirIndex() {
        let values = Series(start: start, values: [.nan, 3, 1, 3, 1])
        #expect(values.indexOfMax == 1 && values.indexOfMin == 2)
        #expect(Series(start: start, values: [.nan]).indexOfMax == nil)
    }

    @Test func describesRunningTotalsByTheirLastValue() {
        #expect(series.cumsum().description == "Series(5 minutes from 2021-05-20 14:03, step 1m, non-decreasing to 10)")
        #expect(series.description == "Series(5 minutes from 2021-05-20 14:03, step 1m, sum 10)")
    }
}
