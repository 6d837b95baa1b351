import Foundation
import SaleData
import SaleReports
import TemporaryFolders
import Testing

@Suite struct ForecastTableTests {
    let zone = ShopZone("+08:00") ?? .utc
    /// 2021-05-20T14:00 in +08:00, in epoch minutes.
    var start: Int { zone.minute(of: "2021-05-20T14:00") ?? 0 }

    @Test func oneRowPerForecastMinuteWithActualsWhereKnown() {
        let actual = Series(start: start, values: [10, 20, 30.126, 40], zone: zone)
        let mean = Series(start: start + 2, values: [31, 41.5, 52], zone: zone)
        let table = ForecastTable(pieces: [
            .init(cutoff: start + 1, mean: mean, lower: [29, 38, 45], upper: [33, 45, 60.004], actual: actual),
        ])
        #expect(table.csv == """
            cutoff,minute,step,actual,forecast,lower,upper
            2021-05-20T14:01,2021-05-20T14:02,1,30.13,31.00,29.00,33.00
            2021-05-20T14:01,2021-05-20T14:03,2,40.00,41.50,38.00,45.00
            2021-05-20T14:01,2021-05-20T14:04,3,,52.00,45.00,60.00

            """)
    }

    @Test func piecesFollowEachOtherAndBandsMayBeMissing() {
        let actual = Series(start: start, values: [1, 2, 3, 4], zone: zone)
        let table = ForecastTable(pieces: [
            .init(cutoff: start, mean: Series(start: start + 1, values: [2, -0.001], zone: zone), actual: actual),
            .init(cutoff: start + 2, mean: Series(start: start + 3, values: [.nan, 7], zone: zone), lower: [1], upper: [5]),
        ])
        #expect(table.csv == """
            cutoff,minute,step,actual,forecast,lower,upper
            2021-05-20T14:00,2021-05-20T14:01,1,2.00,2.00,,
            2021-05-20T14:00,2021-05-20T14:02,2,3.00,0.00,,
            2021-05-20T14:02,2021-05-20T14:03,1,,,1.00,5.00
            2021-05-20T14:02,2021-05-20T14:04,2,,7.00,,

            """)
    }

    @Test func theDocsNameTheColumnsItWrites() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sources = try FileManager.default.contentsOfDirectory(atPath: repository.path + "/Sources")
        let documents = ["README.md", "examples/README.md", "examples/forecast.lua"] + sources.map { "Sources/\($0)/README.md" }
        let threeBands = ForecastTable.boundColumns(["50", "80", "95"])
        var headers = 0
        for document in documents where FileManager.default.fileExists(atPath: repository.path + "/" + document) {
            let text = try String(contentsOfFile: repository.path + "/" + document, encoding: .utf8)
            for match in text.matches(of: /cutoff,minute[a-z0-9,]*/) {
                headers += 1
                #expect(String(match.output) == ForecastTable.header, "\(document): '\(match.output)'")
            }
            for match in text.matches(of: /lower50,upper50[a-z0-9,]*/) {
                let columns = String(match.output).trimmingCharacters(in: CharacterSet(charactersIn: ","))
                #expect(threeBands.hasPrefix(columns), "\(document): '\(columns)'")
            }
        }
        #expect(headers >= 4)
    }
}
