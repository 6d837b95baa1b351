/// Remembers the last local-to-UTC offset per quarter hour, so converting millions of local order
/// times asks the zone's rules only when the quarter hour changes.
struct ZoneCache {
    /// The zone whose offsets are cached.
    let zone: ShopZone
    private var quarter = Int.min
    private var offset = 0

    init(zone: ShopZone) { self.zone = zone }

    /// The instant of a local wall-clock time; zone transitions fall on quarter hours.
    @inline(__always)
    mutating func utcSeconds(fromLocal local: Int) -> Int {
        let key = local.floorDiv(900)
        if key != quarter {
            quarter = key
            offset = key * 900 - zone.utcSeconds(fromLocal: key * 900)
        }
        return local - offset
    }
}
