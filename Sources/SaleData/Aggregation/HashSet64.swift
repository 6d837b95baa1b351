/// A set of 64-bit hashes with open addressing and linear probing: compact (8 bytes a slot) and
/// cache-friendly for the few thousand ids a minute holds.
struct HashSet64: Sendable {
    private var slots: [UInt64] = []
    private(set) var count = 0

    /// An empty set with room for about `expected` hashes before it grows.
    init(expected: Int = 0) {
        if expected > 0 {
            var capacity = 16
            while capacity * 3 < expected * 4 { capacity *= 2 }
            slots = Array(repeating: 0, count: capacity)
        }
    }

    /// Empty slots hold 0, so a hash of 0 is stored as this value instead.
    private static let zeroStandIn: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Inserts a hash; false when it was already present.
    @inline(__always)
    mutating func insert(_ hash: UInt64) -> Bool {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let key = hash == 0 ? Self.zeroStandIn : hash
        let inserted = slots.withUnsafeMutableBufferPointer { table -> Bool in
            let mask = table.count - 1
            var index = Int(truncatingIfNeeded: key >> 20) & mask
            while true {
                let slot = table[index]
                if slot == 0 { table[index] = key; return true }
                if slot == key { return false }
                index = (index + 1) & mask
            }
        }
        if inserted { count += 1 }
        return inserted
    }

    /// Whether a hash is present.
    func contains(_ hash: UInt64) -> Bool {
        guard !slots.isEmpty else { return false }
        let key = hash == 0 ? Self.zeroStandIn : hash
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key >> 20) & mask
        while slots[index] != 0 {
            if slots[index] == key { return true }
            index = (index + 1) & mask
        }
        return false
    }

    /// Every hash in the set, in no particular order.
    var elements: [UInt64] { slots.filter { $0 != 0 } }

    /// Whether no hash is in both sets.
    func isDisjoint(with other: HashSet64) -> Bool {
        !other.slots.contains { $0 != 0 && contains($0) }
    }

    /// Adds every hash of `other`.
    mutating func formUnion(_ other: HashSet64) {
        reserve(count + other.count)
        for key in other.slots where key != 0 { _ = insert(key) }
    }

    private mutating func grow() {
        rehash(capacity: Swift.max(16, slots.count * 2))
    }

    /// Grows the table at once to hold `total` hashes, rather than doubling step by step.
    private mutating func reserve(_ total: Int) {
        var capacity = Swift.max(16, slots.count)
        while capacity * 3 < total * 4 { capacity *= 2 }
        if capacity > slots.count { rehash(capacity: capacity) }
    }

    private mutating func rehash(capacity: Int) {
        let old = slots
        slots = Array(repeating: 0, count: capacity)
        count = 0
        for key in old where key != 0 { _ = insert(key) }
    }
}

/// A 64-bit hash of a byte string (multiply-xorshift over 8-byte words, then a final mix).
@inline(__always)
func hashBytes(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    let raw = UnsafeRawPointer(p)
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: n)
    var i = 0
    while i + 8 <= n {
        h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        i += 8
    }
    if i < n {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            word |= UInt64(p[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ word) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
    }
    h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
    h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return h ^ (h >> 33)
}
