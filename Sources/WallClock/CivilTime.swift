/// A wall-clock minute on the proleptic Gregorian calendar, and the calendar arithmetic behind it,
/// without Foundation's calendars so dates and labels are the same on every machine.
///
/// The day arithmetic is Howard Hinnant's `days_from_civil` and `civil_from_days`: exact for every
/// year and fast enough to run once per order.
public struct CivilTime: Sendable, Equatable {
    /// The year, numbered astronomically (0 is 1 BC).
    public let year: Int
    /// 1 (January) to 12.
    public let month: Int
    /// 1 to 31.
    public let day: Int
    /// 0 to 23.
    public let hour: Int
    /// 0 to 59.
    public let minute: Int
    /// 0 is Sunday.
    public let weekday: Int

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The wall-clock fields of `localMinute`, minutes since 1970-01-01 00:00 on the local clock.
    public init(localMinute: Int) {
        let days = localMinute.floorDiv(1440)
        let minuteOfDay = localMinute - days * 1440
        hour = minuteOfDay / 60
        minute = minuteOfDay % 60
        weekday = (days + 4).floorMod(7)  // 1970-01-01 was a Thursday
        (year, month, day) = Self.date(days: days)
    }

    /// `2021-05-20T14:05`.
    public var minuteLabel: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        appendMinuteLabel(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `minuteLabel`'s bytes to `bytes` (a CSV made as bytes: no String per row).
    public func appendMinuteLabel(to bytes: inout [UInt8]) {
        Self.appendPadded(year, 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendPadded(month, 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        Self.appendPadded(day, 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        Self.appendPadded(hour, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        Self.appendPadded(minute, 2, to: &bytes)
    }

    /// `14:05`.
    public var clockLabel: String { Self.pad(hour, 2) + ":" + Self.pad(minute, 2) }

    /// `Mon 20 May`.
    public var dateLabel: String { "\(Self.weekdays[weekday]) \(day) \(Self.months[month - 1])" }

    private static func pad(_ value: Int, _ width: Int) -> String {
        var bytes: [UInt8] = []
        appendPadded(value, width, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` in decimal (after its minus sign), zeros first until `width` characters are
    /// written, to `bytes`.
    private static func appendPadded(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
        var digits = 1, rest = value.magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        // zeros one by one: cheaper than a repeated element's append for these few
        for _ in 0..<max(width - digits - (value < 0 ? 1 : 0), 0) { bytes.append(UInt8(ascii: "0")) }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        for _ in 0..<digits { bytes.append(UInt8(ascii: "0")) }
        var index = bytes.count - 1
        rest = value.magnitude
        while rest > 0 {
            bytes[index] += UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
    }
}

extension CivilTime {
    /// Days since 1970-01-01 of a calendar date.
    @inlinable
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day counted from 1970-01-01.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = z.floorDiv(146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether February of `year` has 29 days.
    @inlinable
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Number of days in a month of a year.
    @inlinable
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
