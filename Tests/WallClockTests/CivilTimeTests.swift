import Testing
import WallClock

/// The civil calendar against dates known from elsewhere (`date -u -d @SECONDS`).
@Suite struct CivilTimeTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (2000, 3, 1, 11_017), (2000, 2, 29, 11_016), (1900, 3, 1, -25_508), (1900, 2, 28, -25_509),
        (2024, 2, 29, 19_782), (2021, 5, 20, 18_767), (1969, 12, 31, -1), (1600, 1, 1, -135_140), (-1, 12, 31, -719_529),
    ] as [(Int, Int, Int, Int)])
    func knownDays(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilTime.days(year: year, month: month, day: day) == days)
        let date = CivilTime.date(days: days)
        #expect([date.year, date.month, date.day] == [year, month, day])
    }

    @Test func datesRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilTime.date(days: days)
            #expect(CivilTime.days(year: date.year, month: date.month, day: date.day) == days)
        }
    }

    @Test func leapYears() {
        #expect(!CivilTime.isLeapYear(1900))
        #expect(CivilTime.isLeapYear(2000))
        #expect(CivilTime.isLeapYear(2024))
        #expect(!CivilTime.isLeapYear(2023))
        #expect(CivilTime.daysInMonth(year: 1900, month: 2) == 28)
        #expect(CivilTime.daysInMonth(year: 2000, month: 2) == 29)
        #expect(CivilTime.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilTime.daysInMonth(year: 2024, month: 4) == 30)
        #expect(CivilTime.daysInMonth(year: 2024, month: 12) == 31)
    }

    @Test(arguments: [
        (0, 1970, 1, 1, 0, 0, "Thu 1 Jan"),
        (28_603_500, 2024, 5, 20, 13, 0, "Mon 20 May"),
        (28_483_865, 2024, 2, 27, 11, 5, "Tue 27 Feb"),
        (28_486_140, 2024, 2, 29, 1, 0, "Thu 29 Feb"),
        (-1, 1969, 12, 31, 23, 59, "Wed 31 Dec"),
        (-1440 * 25_509, 1900, 2, 28, 0, 0, "Wed 28 Feb"),
    ] as [(Int, Int, Int, Int, Int, Int, String)])
    func wallClockFields(minute: Int, year: Int, month: Int, day: Int, hour: Int, min: Int, label: String) {
        let civil = CivilTime(localMinute: minute)
        let fields: [Int] = [civil.year, civil.month, civil.day, civil.hour, civil.minute]
        #expect(fields == [year, month, day, hour, min])
        #expect(civil.dateLabel == label as String)
    }

    @Test func labels() {
        let time = CivilTime(localMinute: 18_767 * 1440 + 14 * 60 + 5)
        #expect(time.minuteLabel == "2021-05-20T14:05")
        #expect(time.clockLabel == "14:05")
        #expect(CivilTime(localMinute: -1).minuteLabel == "1969-12-31T23:59")
        // years before 1000 and before year 0 are padded as their decimal text is: zeros, then the sign
        #expect(CivilTime(localMinute: CivilTime.days(year: 987, month: 1, day: 2) * 1440 + 61).minuteLabel == "0987-01-02T01:01")
        #expect(CivilTime(localMinute: CivilTime.days(year: -5, month: 3, day: 4) * 1440).minuteLabel == "00-5-03-04T00:00")
        #expect(CivilTime(localMinute: CivilTime.days(year: 12345, month: 12, day: 31) * 1440 + 1439).minuteLabel == "12345-12-31T23:59")
    }

    @Test(arguments: [(7, 2, 3, 1), (-7, 2, -4, 1), (-1, 60, -1, 59), (-60, 60, -1, 0), (7, -2, -4, -1), (0, 5, 0, 0)]
          as [(Int, Int, Int, Int)])
    func floorDivision(value: Int, divisor: Int, quotient: Int, remainder: Int) {
        #expect(value.floorDiv(divisor) == quotient)
        #expect(value.floorMod(divisor) == remainder)
    }
}
