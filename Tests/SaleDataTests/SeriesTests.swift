import TemporaryFolders
import Testing
@testable import SaleData

@Suite struct SeriesTests {
    let start = may20 / 60
    var series: Series { Series(start: start, values: [1, 3, 0, 4, 2]) }

    @Test func looksUpByIndexAndTime() {
        #expect(series.count == 5)
        #expect(series.label(at: 1) == "2021-05-20T14:04")
        #expect(series.index(ofMinute: start + 3) == 3)
        #expect(series.index(ofMinute: start + 5) == nil)
        #expect(series.index(ofMinute: start - 1) == nil)
        #expect(series.index(ofTime: "2021-05-20T14:05:30") == 2)
        #expect(series.value(atMinute: start + 4) == 2)
    }

    @Test func slicesByIndexAndTime() {
        #expect(series.slice(1..<3).values == [3, 0])
        #expect(series.slice(1..<3).start == start + 1)
        #expect(series.slice(-2..<99).values == [1, 3, 0, 4, 2])
        #expect(series.slice(fromMinute: start + 1, toMinute: start + 3).values == [3, 0, 4])
        #expect(series.slice(fromMinute: start + 9, toMinute: start + 12).values.isEmpty)
        let fives = Series(start: start, step: 5, values: [1, 2, 3])
        #expect(fives.slice(fromMinute: start + 1, toMinute: start + 10).values == [2, 3])
        #expect(fives.index(ofMinute: start + 7) == 1)
    }

    @Test func computesRunningTotalsAndDifferences() {
        #expect(series.cumsum().values == [1, 4, 4, 8, 10])
        #expect(series.diff().values == [2, -3, 4, -2])
        #expect(series.diff().start == start + 1)
        #expect(series.cumsum().diff().values == [3, 0, 4, 2])
        #expect(series.sum == 10)
        #expect(series.mean == 2)
        #expect(series.max == 4)
        #expect(series.min == 0)
        #expect(Series(start: 0, values: []).mean == nil)
    }

    @Test func resamplesOnClockBoundaries() throws {
        // 14:03..14:07 fall in the 5-minute intervals 14:00 (14:03, 14:04) and 14:05 (the rest).
        let five = try series.resampled(step: 5)
        #expect(five.start == start - 3)
        #expect(five.values == [4, 6])
        #expect(try series.resampled(step: 5, method: .mean).values == [2, 2])
        #expect(try series.resampled(step: 5, method: .last).values == [3, 2])
        #expect(try series.resampled(step: 5, method: .max).values == [3, 4])
        let day = Series(start: start - 843, values: Array(repeating: 1, count: 1440))
        #expect(try day.resampled(step: 60).values == Array(repeating: 60, count: 24))
        #expect(try day.resampled(step: 15).count == 96)
        let fives = Series(start: start, step: 5, values: [1, 2])
        #expect(throws: SeriesError(description: "step 7 is not a multiple of the series' step 5")) {
            try fives.resampled(step: 7)
        }
        #expect(throws: SeriesError(description: "step 1 is not a multiple of the series' step 5")) {
            try fives.resampled(step: 1)
        }
    }

    @Test func resamplesHoursOfTheShopZone() throws {
        let india = try #require(ShopZone("+05:30"))
        let hourly = try Series(start: start, values: Array(repeating: 1, count: 120), zone: india).resampled(step: 60)
        #expect(hourly.label(at: 0) == "2021-05-20T19:00")
        #expect(hourly.values == [27, 60, 33])
    }

    @Test func savesAndLoadsCSV() throws {
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        let path = folder.path + "/revenue.csv"
        let original = Series(start: start, values: [1.5, 0, 1e-7, 12_345_678.25])
        try original.save(to: path)
        #expect(try Series.load(from: path) == original)
        #expect(original.csv().hasPrefix("minute,value\n2021-05-20T14:03,1.5\n2021-05-20T14:04,0\n"))
        let zoned = Series(start: start, step: 15, values: [1, 2], zone: try #require(ShopZone("Asia/Tokyo")))
        try zoned.save(to: path)
        #expect(try Series.load(from: path, zone: zoned.zone) == zoned)
    }

    static let badFiles: [(String, String)] = [
        ("minute,value\n2021-05-20T14:03,1,2\n", "s.csv:2:1: row has 3 fields, expected 2"),
        ("minute,value\nnoon,1\n", "s.csv:2:1: minute is not a time: 'noon'"),
        ("minute,value\n2021-05-20T14:03,x\n", "s.csv:2:2: value is not a number: 'x'"),
        ("minute,value\n2021-05-20T14:03,1\n2021-05-20T14:02,1\n",
         "s.csv:3:1: minute '2021-05-20T14:02' is not after the previous one"),
        ("minute,value\n2021-05-20T14:03,1\n2021-05-20T14:04,1\n2021-05-20T14:06,1\n",
         "s.csv:4:1: minute '2021-05-20T14:06' breaks the series' step"),
    ]

    @Test(arguments: badFiles)
    func reportsBadSeriesFiles(text: String, message: String) {
        #expect(throws: SeriesError(description: message)) { try Series.parse(csv: text, name: "s.csv") }
    }

    @Test func loadingAMissingFileSaysSo() {
        #expect(throws: SeriesError(description: "cannot open '/nonexistent/s.csv': no such file or directory")) {
            try Series.load(from: "/nonexistent/s.csv")
        }
    }

    @Test func describesItself() {
        #expect(series.description == "Series(5 minutes from 2021-05-20 14:03, step 1m, sum 10)")
        let day = Series(start: 0, step: 15, values: Array(repeating: 1285.5, count: 96))
        #expect(day.description == "Series(96 values from 1970-01-01 00:00, step 15m, sum 123.4k)")
        #expect(Series(start: 0, step: 5, values: []).description == "Series(empty, step 5m)")
    }
}
