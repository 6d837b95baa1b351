/// Parses order times from raw bytes: ISO 8601 (`2021-05-20T14:03:11.25+08:00`, `T` or a space,
/// seconds and fraction optional, `Z` or an offset optional), epoch seconds (`1621490591`), or
/// numeric dates with the year last (`29.11.2024 10:00`, `29/11/2024 10:00:05`, `11/29/2024 10:00`).
///
/// Times without an offset are wall-clock times in the shop's zone. The result is whole seconds
/// since the epoch (fractions dropped, which never moves a time across a minute boundary).
struct TimestampParser {
    private var cache: ZoneCache
    /// The order of day and month given by the user; dates with dots are day-first unless it says otherwise.
    private let givenDates: DateOrder?
    /// The order of day and month of dates with `/` or `-`: given, or the first date that told.
    private(set) var dates: DateOrder?
    /// Why the last numeric date failed, when it was not simply malformed.
    private(set) var lastDateProblem: DateProblem?

    /// What a numeric date could not settle alone.
    enum DateProblem: Equatable {
        /// Day and month both 12 or less, and no order known yet.
        case ambiguous
        /// Readable only in the order other than the one found earlier in the file.
        case otherOrder(DateOrder)
    }

    init(zone: ShopZone, dates: DateOrder? = nil) {
        cache = ZoneCache(zone: zone)
        givenDates = dates
        self.dates = dates
    }

    /// Seconds since the epoch, or nil when the bytes are not a timestamp.
    mutating func seconds(_ p: UnsafePointer<UInt8>, count n: Int) -> Int? {
        if n >= 10, p[4] == UInt8(ascii: "-") { return isoSeconds(p, count: n) }
        if n >= 3, Self.isDateMark(p[1]) || Self.isDateMark(p[2]) {
            if let seconds = numericDateSeconds(p, count: n) { return seconds }
            if lastDateProblem != nil { return nil }
        }
        return epochSeconds(p, count: n)
    }

    /// Uses an order of day and month found elsewhere in the file.
    mutating func settle(_ order: DateOrder) { dates = order }

    private static func isDateMark(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
    }

    /// `D.M.YYYY H:MM[:SS[.fff]][offset]` and the like with `/` or `-`, `T` or a space before the hour.
    private mutating func numericDateSeconds(_ p: UnsafePointer<UInt8>, count n: Int) -> Int? {
        lastDateProblem = nil
        var i = 0
        func number(_ most: Int) -> Int? {
            let start = i
            var value = 0
            while i < n, i - start < most, p[i] &- 48 < 10 {
                value = value * 10 + Int(p[i] &- 48)
                i += 1
            }
            return i > start ? value : nil
        }
        guard let first = number(2), i < n else { return nil }
        let mark = p[i]
        i += 1
        guard let second = number(2), i < n, p[i] == mark else { return nil }
        i += 1
        let yearStart = i
        guard let year = number(4), i - yearStart == 4, i < n,
              p[i] == UInt8(ascii: " ") || p[i] == UInt8(ascii: "T") else { return nil }
        i += 1
        guard let hour = number(2), i < n, p[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        let minuteStart = i
        guard let minute = number(2), i - minuteStart == 2, hour <= 23, minute <= 59 else { return nil }
        var second60 = 0
        if i < n, p[i] == UInt8(ascii: ":") {
            i += 1
            let start = i
            guard let s = number(2), i - start == 2, s <= 60 else { return nil }
            second60 = Swift.min(s, 59)
            if i < n, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
                i += 1
                let fractionStart = i
                while i < n, p[i] &- 48 < 10 { i += 1 }
                guard i > fractionStart else { return nil }
            }
        }
        func valid(_ day: Int, _ month: Int) -> Bool {
            (1...12).contains(month) && day >= 1 && day <= CivilTime.daysInMonth(year: year, month: month)
        }
        let order: DateOrder
        if mark == UInt8(ascii: ".") {
            order = givenDates ?? .dmy
        } else if let known = dates {
            order = known
            let (day, month) = known == .dmy ? (first, second) : (second, first)
            if !valid(day, month), givenDates == nil, valid(month, day) {
                lastDateProblem = .otherOrder(known == .dmy ? .mdy : .dmy)
                return nil
            }
        } else {
            let (dayFirst, monthFirst) = (valid(first, second), valid(second, first))
            if dayFirst && monthFirst && first != second {
                lastDateProblem = .ambiguous
                return nil
            }
            order = monthFirst && !dayFirst ? .mdy : .dmy
            if dayFirst != monthFirst { dates = order }
        }
        let (day, month) = order == .dmy ? (first, second) : (second, first)
        guard valid(day, month) else { return nil }
        let local = CivilTime.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second60
        if i == n { return cache.utcSeconds(fromLocal: local) }
        guard let offset = zoneOffset(p, from: i, count: n) else { return nil }
        return local - offset
    }

    /// Parses a timestamp held in a string.
    mutating func seconds(_ text: String) -> Int? {
        var copy = Array(text.utf8)
        return copy.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return seconds(UnsafePointer(base), count: buffer.count)
        }
    }

    /// The first 16 bytes (`YYYY-MM-DDTHH:MM`) of the last time parsed and their local seconds:
    /// orders come in time order mostly, so most times repeat the previous one's minute.
    private var lastPrefix: (UInt64, UInt64)?
    private var lastPrefixSeconds = 0

    private mutating func isoSeconds(_ p: UnsafePointer<UInt8>, count n: Int) -> Int? {
        guard n >= 16 else { return nil }
        let raw = UnsafeRawPointer(p)
        let prefix = (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        var local: Int
        if let last = lastPrefix, last == prefix {
            local = lastPrefixSeconds
        } else {
            guard let seconds = minuteSeconds(p) else { return nil }
            lastPrefix = prefix
            lastPrefixSeconds = seconds
            local = seconds
        }
        var i = 16
        if i < n, p[i] == UInt8(ascii: ":") {
            guard i + 3 <= n, let s = digits(p, i + 1, 2), s <= 60 else { return nil }
            local += Swift.min(s, 59)
            i += 3
            if i < n, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ",") {
                i += 1
                let fractionStart = i
                while i < n, p[i] &- 48 < 10 { i += 1 }
                guard i > fractionStart else { return nil }
            }
        }
        if i == n { return cache.utcSeconds(fromLocal: local) }
        guard let offset = zoneOffset(p, from: i, count: n) else { return nil }
        return local - offset
    }

    /// Local seconds since the epoch of `YYYY-MM-DDTHH:MM` (or with a space or `t`), if valid.
    private func minuteSeconds(_ p: UnsafePointer<UInt8>) -> Int? {
        guard let year = digits(p, 0, 4), p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"),
              let month = digits(p, 5, 2), let day = digits(p, 8, 2),
              p[10] == UInt8(ascii: "T") || p[10] == UInt8(ascii: " ") || p[10] == UInt8(ascii: "t"),
              let hour = digits(p, 11, 2), p[13] == UInt8(ascii: ":"), let minute = digits(p, 14, 2),
              (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59 else { return nil }
        return CivilTime.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60
    }

    /// `Z`, `+HH`, `+HHMM` or `+HH:MM` ending the field, in seconds east of UTC.
    private func zoneOffset(_ p: UnsafePointer<UInt8>, from i: Int, count n: Int) -> Int? {
        let sign = p[i]
        if (sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z")) && i + 1 == n { return 0 }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), i + 3 <= n,
              let hours = digits(p, i + 1, 2), hours <= 23 else { return nil }
        var minutes = 0
        switch n - (i + 3) {
        case 0: break
        case 2: guard let m = digits(p, i + 3, 2) else { return nil }; minutes = m
        case 3:
            guard p[i + 3] == UInt8(ascii: ":"), let m = digits(p, i + 4, 2) else { return nil }
            minutes = m
        default: return nil
        }
        guard minutes <= 59 else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// Whole or fractional seconds since the epoch, up to year 9999.
    private func epochSeconds(_ p: UnsafePointer<UInt8>, count n: Int) -> Int? {
        var i = 0
        var value = 0
        while i < n, p[i] &- 48 < 10, i < 12 {
            value = value * 10 + Int(p[i] &- 48)
            i += 1
        }
        guard i > 0, value <= 253_402_300_799 else { return nil }
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] &- 48 < 10 { i += 1 }
        }
        return i == n ? value : nil
    }

    @inline(__always)
    private func digits(_ p: UnsafePointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
        var value = 0
        for k in at..<(at + count) {
            let d = p[k] &- 48
            guard d < 10 else { return nil }
            value = value * 10 + Int(d)
        }
        return value
    }
}
