import SaleData

/// When an event happens, as a script wrote it; a forecast's cutoff and zone make it a minute.
///
/// `"14:00"` is the next 14:00 after the cutoff (on the shop's clock), `"2024-05-20T14:00"` a
/// time read in the shop's zone (an offset such as `+08:00` in the text wins), a number epoch seconds.
public enum EventTime: Sendable, Equatable {
    /// A clock time: the next such minute after the cutoff.
    case clock(minuteOfDay: Int)
    /// A date and time, read in the forecast's zone.
    case moment(String)
    /// A minute counted in UTC from the epoch.
    case epoch(minute: Int)

    /// Reads `HH:MM`, a time text or a minute; nil when the text reads as neither.
    public init?(text: String) {
        if let minuteOfDay = Self.clockMinute(text) {
            self = .clock(minuteOfDay: minuteOfDay)
        } else if text.contains("-"), ShopZone.utc.minute(ofTimeOrDate: text) != nil {  // a date, not epoch seconds
            self = .moment(text)
        } else {
            return nil
        }
    }

    /// Minutes into the day of `HH:MM` (hours 0-23), or nil.
    public static func clockMinute(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60 else { return nil }
        return hours * 60 + minutes
    }

    /// The minute (UTC from the epoch): a clock time is the first such minute after `after`.
    public func minute(after: Int, zone: ShopZone) -> Int {
        switch self {
        case .epoch(let minute): return minute
        case .moment(let text): return zone.minute(ofTimeOrDate: text) ?? after
        case .clock(let minuteOfDay):
            let local = after + zone.offset(atUTC: after * 60) / 60
            let today = local - ((local % 1440) + 1440) % 1440 + minuteOfDay
            let target = today > local ? today : today + 1440
            return zone.utcSeconds(fromLocal: target * 60) / 60
        }
    }

    /// The time as the script wrote it, for names and messages.
    public func text(zone: ShopZone) -> String {
        switch self {
        case .clock(let minuteOfDay):
            let hours = minuteOfDay / 60, minutes = minuteOfDay % 60
            return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
        case .moment(let text): return text
        case .epoch(let minute): return zone.label(minute: minute)
        }
    }
}
