import Foundation
@testable import SaleData
import TemporaryFolders
import Testing

@Suite struct MinuteCSVTests {
    let aggregated = """
        minute,revenue,orders,customers,cumulative
        2021-05-20T14:03,20.80,2,2,20.80
        2021-05-20T14:04,0.00,0,0,20.80
        2021-05-20T14:05,5.50,1,1,26.30

        """

    @Test func readsTheRevenueColumnOfWhatAggregateWrites() throws {
        let zone = try #require(ShopZone("+08:00"))
        let series = try Series.parse(minuteCSV: aggregated, column: "revenue", zone: zone)
        #expect(series.values == [20.80, 0, 5.50])
        #expect(series.step == 1)
        #expect(series.label(at: 0) == "2021-05-20T14:03")
        #expect(series.zone == zone)
        let cumulative = try Series.parse(minuteCSV: aggregated, column: "cumulative")
        #expect(cumulative.values == [20.80, 20.80, 26.30])
    }

    @Test func acceptsAByteOrderMarkCRLFAndOtherSteps() throws {
        let text = "\u{FEFF}Minute,Revenue\r\n2021-05-20T14:00,1\r\n2021-05-20T14:15,2\r\n2021-05-20T14:30,3\r\n"
        let series = try Series.parse(minuteCSV: text, column: "revenue")
        #expect(series.values == [1, 2, 3])
        #expect(series.step == 15)
    }

    @Test(arguments: [
        ("order_id,minute\n", "m.csv:1:1: first column is not 'minute'"),
        ("minute,orders\n2021-05-20T14:03,1\n", "m.csv:1: no column 'revenue'"),
        ("minute,revenue\n2021-05-20T14:03,1,2\n", "m.csv:2:1: row has 3 fields, expected 2"),
        ("minute,revenue\nnoon,1\n", "m.csv:2:1: minute is not a time: 'noon'"),
        ("minute,orders,revenue\n2021-05-20T14:03,1,x\n", "m.csv:2:3: revenue is not a number: 'x'"),
        ("minute,revenue\n2021-05-20T14:03,nan\n", "m.csv:2:2: revenue is not a number: 'nan'"),
        ("minute,revenue\n2021-05-20T14:03,1\n2021-05-20T14:03,1\n",
         "m.csv:3:1: minute '2021-05-20T14:03' is not after the previous one"),
        ("minute,revenue\n2021-05-20T14:03,1\n2021-05-20T14:04,1\n2021-05-20T14:06,1\n",
         "m.csv:4:1: minute '2021-05-20T14:06' breaks the series' step"),
    ])
    func badFilesNameTheirPosition(text: String, message: String) {
        #expect(throws: SeriesError(description: message)) {
            try Series.parse(minuteCSV: text, column: "revenue", name: "m.csv")
        }
    }

    @Test func tellsPerMinuteFilesFromOrdersExports() throws {
        #expect(Series.isMinuteCSV(header: "minute,revenue,orders\n2021"))
        #expect(Series.isMinuteCSV(header: "\u{FEFF}minute,value"))
        #expect(Series.isMinuteCSV(header: "minute"))
        #expect(!Series.isMinuteCSV(header: "order_id,order_time,customer,amount\n"))
        #expect(!Series.isMinuteCSV(header: "minutes,revenue"))
        let folder = TemporaryFolder("saledata")
        defer { folder.remove() }
        #expect(Series.isMinuteCSV(path: try folder.write("m.csv", aggregated)))
        #expect(!Series.isMinuteCSV(path: try folder.write("o.csv", "order_id,order_time,amount\n")))
        #expect(!Series.isMinuteCSV(path: folder.path + "/missing.csv"))
        #expect(throws: SeriesError(description: "cannot open '\(folder.path)/missing.csv': no such file or directory")) {
            try Series.loadColumn("revenue", from: folder.path + "/missing.csv")
        }
    }
}
