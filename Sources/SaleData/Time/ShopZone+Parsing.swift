extension ShopZone {
    /// The instant of an order time (ISO 8601 or epoch seconds) in whole seconds since the epoch;
    /// times without an offset are read as wall-clock times in this zone.
    public func seconds(of text: String) -> Int? {
        var parser = TimestampParser(zone: self)
        return parser.seconds(text)
    }

    /// The minute (counted in UTC from the epoch) an order time falls in, or nil if it is not a time.
    public func minute(of text: String) -> Int? {
        seconds(of: text).map { $0.floorDiv(60) }
    }
}

extension ShopZone {
    /// The minute of a time as `minute(of:)` reads it, or of the start of a day written `YYYY-MM-DD`.
    public func minute(ofTimeOrDate text: String) -> Int? {
        minute(of: text) ?? (text.utf8.count == 10 ? minute(of: text + "T00:00") : nil)
    }
}
