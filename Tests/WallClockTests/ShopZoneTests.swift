import Testing
import WallClock

/// Zones as names, offsets and minute labels (the README's examples among them).
@Suite struct ShopZoneTests {
    @Test func labelsMinutesOnTheZonesClock() throws {
        let zone = try #require(ShopZone("+08:00"))
        #expect(zone.label(minute: 27_025_323) == "2021-05-20T22:03")  // 2021-05-20T14:03Z
        #expect(ShopZone.utc.label(minute: 27_025_323) == "2021-05-20T14:03")
        #expect(ShopZone.utc.label(minute: -1) == "1969-12-31T23:59")
        #expect(ShopZone(offsetSeconds: -5 * 3600).label(minute: 0) == "1969-12-31T19:00")
    }

    @Test(arguments: [("UTC", "UTC"), ("Z", "UTC"), ("GMT", "UTC"), ("+08:00", "+08:00"), ("+0800", "+08:00"), ("+08", "+08:00"),
                      ("-0530", "-05:30"), ("Europe/Berlin", "Europe/Berlin")])
    func namesItselfAsGiven(text: String, description: String) {
        #expect(ShopZone(text)?.description == description)
    }

    @Test(arguments: ["Mars/Olympus", "+25:00", "+08:60", "+8", ""])
    func refusesUnknownZones(text: String) {
        #expect(ShopZone(text) == nil)
    }

    @Test func offsetsFollowDaylightSaving() throws {
        let berlin = try #require(ShopZone("Europe/Berlin"))
        #expect(berlin.offset(atUTC: 1_616_893_140) == 3600)  // 2021-03-28T00:59Z, before the jump
        #expect(berlin.offset(atUTC: 1_616_893_200) == 7200)  // 01:00Z, after
        #expect(ShopZone(offsetSeconds: 19_800).offset(atUTC: 0) == 19_800)
    }
}
