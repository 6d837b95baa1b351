/// The shop's time zone: it turns local order times into instants and decides minute and chart labels.
///
/// Either a fixed offset (`UTC`, `+08:00`) or an IANA zone (`Europe/Berlin`) with its daylight
/// saving rules, read from the system's tz database.
public struct ShopZone: Sendable, Hashable, CustomStringConvertible {
    private enum Rule: Sendable, Hashable {
        case fixed(seconds: Int)
        case named(ZoneInfo)
    }

    private let rule: Rule

    /// Coordinated Universal Time.
    public static let utc = ShopZone(rule: .fixed(seconds: 0))

    private init(rule: Rule) { self.rule = rule }

    /// A zone with a fixed offset from UTC in seconds.
    public init(offsetSeconds: Int) { rule = .fixed(seconds: offsetSeconds) }

    /// Parses `UTC`, `Z`, `+08:00`, `-0530`, `+08` or an IANA identifier; nil when unknown.
    public init?(_ text: String) {
        if text == "UTC" || text == "Z" || text == "GMT" {
            rule = .fixed(seconds: 0)
        } else if let sign = text.first, sign == "+" || sign == "-" {
            let digits = Array(text.dropFirst().filter { $0 != ":" })
            guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCII),
                  let value = Int(String(digits)) else { return nil }
            let hours = digits.count == 2 ? value : value / 100
            let minutes = digits.count == 2 ? 0 : value % 100
            guard hours <= 23, minutes <= 59 else { return nil }
            rule = .fixed(seconds: (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60))
        } else if let zone = ZoneInfo(identifier: text) {
            rule = .named(zone)
        } else {
            return nil
        }
    }

    /// The zone's name as it was given (fixed offsets as `+HH:MM`).
    public var description: String {
        switch rule {
        case .named(let zone): return zone.identifier
        case .fixed(let seconds) where seconds == 0: return "UTC"
        case .fixed(let seconds):
            let magnitude = abs(seconds) / 60
            let hours = magnitude / 60 < 10 ? "0\(magnitude / 60)" : "\(magnitude / 60)"
            let minutes = magnitude % 60 < 10 ? "0\(magnitude % 60)" : "\(magnitude % 60)"
            return "\(seconds < 0 ? "-" : "+")\(hours):\(minutes)"
        }
    }

    /// Offset from UTC in seconds at an instant given in seconds since the epoch.
    public func offset(atUTC seconds: Int) -> Int {
        switch rule {
        case .fixed(let offset): return offset
        case .named(let zone): return zone.offset(atUTC: seconds)
        }
    }

    /// The instant (seconds since the epoch) of a local wall-clock time in this zone.
    ///
    /// A wall time skipped by a daylight-saving jump maps past the jump; a repeated one maps to its
    /// first occurrence.
    public func utcSeconds(fromLocal local: Int) -> Int {
        let guess = local - offset(atUTC: local)
        let first = local - offset(atUTC: guess)
        let second = local - offset(atUTC: first)
        return Swift.min(first, second)
    }

    /// The `YYYY-MM-DDTHH:MM` label of a minute counted in UTC from the epoch.
    public func label(minute: Int) -> String {
        CivilTime(localMinute: localMinute(minute)).minuteLabel
    }

    /// Appends `label(minute:)`'s bytes to `bytes`.
    public func appendLabel(minute: Int, to bytes: inout [UInt8]) {
        CivilTime(localMinute: localMinute(minute)).appendMinuteLabel(to: &bytes)
    }

    /// The local wall-clock minute (since 1970-01-01 00:00 on the local clock) of a UTC minute.
    private func localMinute(_ minute: Int) -> Int { (minute * 60 + offset(atUTC: minute * 60)).floorDiv(60) }
}
