import Testing
@testable import SaleData

/// 2021-05-20T14:03:00Z in seconds since the epoch (checked with `date -u -d`).
let may20 = 1_621_519_380

/// Order times and their seconds since the epoch.
let timestampCases: [(String, Int)] = [
    ("2021-05-20T14:03:11Z", may20 + 11),
        ("2021-05-20 14:03:11", may20 + 11),
        ("2021-05-20t14:03:11", may20 + 11),
        ("2021-05-20T14:03", may20),
        ("2021-05-20T14:03:11.999", may20 + 11),
        ("2021-05-20T14:03:59,5", may20 + 59),
        ("2021-05-20T22:03:11+08:00", may20 + 11),
        ("2021-05-20T22:03:11+0800", may20 + 11),
        ("2021-05-20T22:03:11+08", may20 + 11),
        ("2021-05-20T08:33:11-05:30", may20 + 11),
        ("1621519391", may20 + 11),
        ("1621519391.75", may20 + 11),
        ("2020-02-29T00:00:00Z", 1_582_934_400),
]

@Suite struct ShopZoneTests {
    @Test(arguments: timestampCases)
    func parsesTimestamps(text: String, seconds: Int) {
        #expect(ShopZone.utc.seconds(of: text) == seconds)
    }

    @Test(arguments: ["", "yesterday", "2021-05-20", "2021-13-01T00:00", "2021-02-29T00:00", "2021-05-20T24:00",
                      "2021-05-20T14:60", "2021-05-20T14:03:11+", "2021-05-20T14:03:11+8", "2021-05-20T14:03:11 ",
                      "2021-05-20T14:03:11.", "12,5", "-5", "1621519391x", "99999999999999"])
    func rejectsNonTimestamps(text: String) {
        #expect(ShopZone.utc.seconds(of: text) == nil)
    }

    @Test func localTimesUseTheShopZone() throws {
        let shanghai = try #require(ShopZone("Asia/Shanghai"))
        #expect(shanghai.seconds(of: "2021-05-20 22:03:11") == may20 + 11)
        #expect(shanghai.seconds(of: "2021-05-20T14:03:11Z") == may20 + 11)
        #expect(shanghai.label(minute: may20 / 60) == "2021-05-20T22:03")
        let fixed = try #require(ShopZone("+08:00"))
        #expect(fixed.minute(of: "2021-05-20 22:03:59") == may20 / 60)
        #expect(fixed.minute(ofTimeOrDate: "2021-05-21") == may20 / 60 + 117)
        #expect(fixed.minute(ofTimeOrDate: "2021-05-20T22:03") == may20 / 60)
        #expect(fixed.minute(ofTimeOrDate: "2021-05-2x") == nil)
    }

    @Test func daylightSavingChangesTheOffset() throws {
        let berlin = try #require(ShopZone("Europe/Berlin"))
        // 2021-03-28: clocks jump from 02:00 to 03:00 local (01:00Z).
        #expect(berlin.seconds(of: "2021-03-28 01:59:00") == 1_616_893_140)
        #expect(berlin.seconds(of: "2021-03-28 03:00:00") == 1_616_893_200)
        #expect(berlin.label(minute: 1_616_893_200 / 60) == "2021-03-28T03:00")
        #expect(berlin.label(minute: 1_616_893_140 / 60) == "2021-03-28T01:59")
    }

    @Test func minuteBoundariesFloorTheSeconds() {
        #expect(ShopZone.utc.minute(of: "2021-05-20T14:03:59.999") == may20 / 60)
        #expect(ShopZone.utc.minute(of: "2021-05-20T14:04:00") == may20 / 60 + 1)
        #expect(ShopZone.utc.minute(of: "1969-12-31T23:59:30Z") == -1)
    }
}
