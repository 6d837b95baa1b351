/// Calendar arithmetic on minutes since 1970-01-01 00:00 in some time zone's wall clock,
/// without Foundation's calendars so labels are the same on every machine.
struct CivilTime: Equatable {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int
    /// 0 is Sunday.
    let weekday: Int

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The wall-clock fields of `localMinute`, minutes since the local epoch.
    init(localMinute: Int) {
        let days = localMinute.floorDiv(1440)
        let minuteOfDay = localMinute - days * 1440
        hour = minuteOfDay / 60
        minute = minuteOfDay % 60
        weekday = (days + 4).floorMod(7)  // 1970-01-01 was a Thursday
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = z.floorDiv(146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// `14:05`.
    var clockLabel: String { Self.twoDigits(hour) + ":" + Self.twoDigits(minute) }

    /// `Mon 20 May`.
    var dateLabel: String { "\(Self.weekdays[weekday]) \(day) \(Self.months[month - 1])" }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Int {
    /// Division rounding towards negative infinity.
    func floorDiv(_ d: Int) -> Int { (self >= 0 ? self : self - d + 1) / d }
    /// The remainder matching `floorDiv`, always in `0..<d`.
    func floorMod(_ d: Int) -> Int { self - floorDiv(d) * d }
}
