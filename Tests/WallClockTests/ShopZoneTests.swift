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

    @Test(arguments: ["Mars/Olympus", "+25:00", "+08:60", "+8", "", "../../etc/passwd", "/etc/passwd", "Europe", "zone.tab"])
    func refusesUnknownZones(text: String) {
        #expect(ShopZone(text) == nil)
    }

    @Test func offsetsFollowDaylightSaving() throws {
        let berlin = try #require(ShopZone("Europe/Berlin"))
        #expect(berlin.offset(atUTC: 1_616_893_140) == 3600)  // 2021-03-28T00:59Z, before the jump
        #expect(berlin.offset(atUTC: 1_616_893_200) == 7200)  // 01:00Z, after
        #expect(ShopZone(offsetSeconds: 19_800).offset(atUTC: 0) == 19_800)
    }

    /// Offsets read from the tz database itself (no Foundation, which loads ICU at start-up): one
    /// switch in 2021 (recorded in the file) and one in 2045 (from the file's yearly rule) per zone,
    /// north and south of the equator and with half hours. The instants are Foundation's (ICU's)
    /// for the same zones; the whole range 1900-2100 was compared hour by hour when this was written.
    @Test(arguments: [("America/New_York", 1_615_705_200, -18000, -14400), ("America/New_York", 2_372_914_800, -18000, -14400),
                      ("Australia/Lord_Howe", 1_617_462_000, 39600, 37800), ("Australia/Lord_Howe", 2_374_671_600, 39600, 37800),
                      ("Pacific/Chatham", 1_617_458_400, 49500, 45900), ("Pacific/Chatham", 2_374_668_000, 49500, 45900),
                      ("America/Santiago", 1_617_505_200, -10800, -14400), ("America/Santiago", 2_374_714_800, -10800, -14400),
                      ("Europe/London", 1_616_893_200, 0, 3600), ("Europe/London", 2_374_102_800, 0, 3600)])
    func offsetsSwitchWhereTheDatabaseSays(name: String, instant: Int, before: Int, after: Int) throws {
        let zone = try #require(ShopZone(name))
        #expect(zone.offset(atUTC: instant - 1) == before)
        #expect(zone.offset(atUTC: instant) == after)
        #expect(ShopZone("Asia/Kolkata")?.offset(atUTC: instant) == 19_800)
    }
}
