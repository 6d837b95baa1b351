import SaleData
import Testing

@testable import Scenarios

@Suite struct EventTimeTests {
    @Test func readsClockTimesAndDatesButNotBareNumbers() {
        #expect(EventTime(text: "9:05") == .clock(minuteOfDay: 545))
        #expect(EventTime(text: "23:59") == .clock(minuteOfDay: 1439))
        #expect(EventTime(text: "2024-05-20T14:00") == .moment("2024-05-20T14:00"))
        for text in ["24:00", "12:60", "09", "1621519391", "14:00:00:1", "", "noon", "1:5"] {
            #expect(EventTime(text: text) == nil, "\(text)")
        }
    }

    @Test func clockTimesFollowTheShopsDaylightSaving() throws {
        let berlin = try #require(ShopZone("Europe/Berlin"))
        let cutoff = try #require(berlin.minute(of: "2024-03-30T22:00"))  // the night clocks go forward
        let minute = EventTime.clock(minuteOfDay: 14 * 60).minute(after: cutoff, zone: berlin)
        #expect(berlin.label(minute: minute) == "2024-03-31T14:00")
        #expect(EventTime.clock(minuteOfDay: 14 * 60).text(zone: berlin) == "14:00")
    }
}
