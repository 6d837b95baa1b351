/// A POSIX `TZ` rule as TZif files end with (`CET-1CEST,M3.5.0,M10.5.0/3`): standard time, and
/// optionally daylight time between two yearly dates (`Mm.w.d`, `Jn` or `n`, with a local time).
struct PosixZoneRule: Sendable, Hashable {
    /// A yearly switch date and its local time of day in seconds.
    private struct Switch: Sendable, Hashable {
        enum Day: Sendable, Hashable {
            /// `Mm.w.d`: weekday `d` (0 Sunday) of week `w` (5: the last) of month `m`.
            case weekday(month: Int, week: Int, weekday: Int)
            /// `Jn`: day 1...365, February 29 never counted.
            case julian(Int)
            /// `n`: day 0...365, February 29 counted.
            case ordinal(Int)
        }

        var day: Day
        var seconds: Int

        /// Days since 1970-01-01 of the switch date in `year`.
        func days(in year: Int) -> Int {
            let january1 = CivilTime.days(year: year, month: 1, day: 1)
            switch day {
            case .julian(let n): return january1 + n - 1 + (CivilTime.isLeapYear(year) && n >= 60 ? 1 : 0)
            case .ordinal(let n): return january1 + n
            case .weekday(let month, let week, let weekday):
                let first = CivilTime.days(year: year, month: month, day: 1)
                var day = first + (weekday - (first + 4).floorMod(7)).floorMod(7) + (week - 1) * 7
                while day >= first + CivilTime.daysInMonth(year: year, month: month) { day -= 7 }
                return day
            }
        }
    }

    /// Offsets from UTC in seconds (east positive).
    private let standard: Int
    private let daylight: Int?
    private let start: Switch?, end: Switch?

    /// Parses the rule; nil when it is malformed.
    init?(_ text: String) {
        var scanner = RuleScanner(Array(text.utf8))
        guard scanner.skipName(), let standardWest = scanner.time(signed: true) else { return nil }
        standard = -standardWest
        guard !scanner.atEnd else { (daylight, start, end) = (nil, nil, nil); return }
        guard scanner.skipName() else { return nil }
        if scanner.peek == UInt8(ascii: ",") {
            daylight = standard + 3600
        } else {
            guard let daylightWest = scanner.time(signed: true) else { return nil }
            daylight = -daylightWest
        }
        guard scanner.take(","), let start = scanner.switchRule(), scanner.take(","), let end = scanner.switchRule(),
              scanner.atEnd else { return nil }
        (self.start, self.end) = (start, end)
    }

    /// The offset from UTC in seconds at an instant in seconds since the epoch.
    func offset(atUTC seconds: Int) -> Int {
        guard let daylight, let start, let end else { return standard }
        let year = CivilTime.date(days: (seconds + standard).floorDiv(86_400)).year
        let daylightFrom = start.days(in: year) * 86_400 + start.seconds - standard
        let daylightUntil = end.days(in: year) * 86_400 + end.seconds - daylight
        let inDaylight = daylightFrom < daylightUntil
            ? seconds >= daylightFrom && seconds < daylightUntil
            : !(seconds >= daylightUntil && seconds < daylightFrom)
        return inDaylight ? daylight : standard
    }

    /// Reads the parts of a rule from its bytes.
    private struct RuleScanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[position] }

        mutating func take(_ character: Character) -> Bool {
            guard let peek, character.asciiValue == peek else { return false }
            position += 1
            return true
        }

        /// A zone abbreviation: three or more letters, or anything within `<...>`.
        mutating func skipName() -> Bool {
            if take("<") {
                while let peek, peek != UInt8(ascii: ">") { position += 1 }
                return take(">")
            }
            let start = position
            while let peek, (peek | 0x20) >= UInt8(ascii: "a"), (peek | 0x20) <= UInt8(ascii: "z") { position += 1 }
            return position - start >= 3
        }

        mutating func number() -> Int? {
            let start = position
            var value = 0
            while let peek, peek >= UInt8(ascii: "0"), peek <= UInt8(ascii: "9"), position - start < 6 {
                value = value * 10 + Int(peek - UInt8(ascii: "0"))
                position += 1
            }
            return position > start ? value : nil
        }

        /// `[+|-]hh[:mm[:ss]]` in seconds.
        mutating func time(signed: Bool) -> Int? {
            let negative = signed && take("-")
            if signed && !negative { _ = take("+") }
            guard let hours = number() else { return nil }
            var seconds = hours * 3600
            if take(":") {
                guard let minutes = number() else { return nil }
                seconds += minutes * 60
                if take(":") {
                    guard let rest = number() else { return nil }
                    seconds += rest
                }
            }
            return negative ? -seconds : seconds
        }

        /// `Mm.w.d`, `Jn` or `n`, then an optional `/time` (02:00 when left out).
        mutating func switchRule() -> Switch? {
            let day: Switch.Day
            if take("M") {
                guard let month = number(), take("."), let week = number(), take("."), let weekday = number(),
                      (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday) else { return nil }
                day = .weekday(month: month, week: week, weekday: weekday)
            } else if take("J") {
                guard let n = number(), (1...365).contains(n) else { return nil }
                day = .julian(n)
            } else {
                guard let n = number(), (0...365).contains(n) else { return nil }
                day = .ordinal(n)
            }
            guard take("/") else { return Switch(day: day, seconds: 7200) }
            return time(signed: true).map { Switch(day: day, seconds: $0) }
        }
    }
}
