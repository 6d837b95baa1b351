/// The order ids counted so far in a whole read, so that an id seen before in any minute counts once.
///
/// Memory grows only with the distinct ids. Plain integer ids, the usual case, are kept as bits,
/// 64 neighbours to a word: exports list them nearly in order, so most lookups hit the word of the
/// previous one and a 10-million-order file needs a few megabytes. Other ids keep a 64-bit hash
/// each in a `HashSet64`.
struct OrderIDSet: Sendable {
    private var integers = BlockBitSet()
    private var hashes = HashSet64()

    /// The key of an id's bytes: the number of a plain integer (digits, no leading zero, below 10^18),
    /// else the id's hash with the top bit set, so the two kinds never meet.
    @inline(__always)
    static func key(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n > 0, n <= 18, p[0] != UInt8(ascii: "0") || n == 1 {
            var value: UInt64 = 0
            var i = 0
            while i < n, p[i] &- 48 < 10 {
                value = value &* 10 &+ UInt64(p[i] &- 48)
                i += 1
            }
            if i == n { return value }
        }
        return hashBytes(p, n) | 1 << 63
    }

    /// Adds a key; false when it was already present.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Bool {
        key >> 63 == 0 ? integers.insert(key) : hashes.insert(key)
    }

    /// Adds every key of `other` when the two share none; false (and nothing added) otherwise.
    mutating func formDisjointUnion(_ other: OrderIDSet) -> Bool {
        guard integers.isDisjoint(with: other.integers), hashes.isDisjoint(with: other.hashes) else { return false }
        integers.formUnion(other.integers)
        hashes.formUnion(other.hashes)
        return true
    }
}

/// A set of integers below 2^63 as 64-bit words of bits, found by open addressing on the word's number.
struct BlockBitSet: Sendable {
    /// Word number plus one (0 marks an empty slot), and the word's bits.
    private var blocks: [UInt64] = []
    private var words: [UInt64] = []
    private var used = 0
    /// 64 minus the table's size in bits: the shift that leaves a slot number.
    private var shift: UInt64 = 64
    private var lastBlock: UInt64 = 0
    private var lastSlot = 0

    /// Adds a number; false when it was already present.
    @inline(__always)
    mutating func insert(_ value: UInt64) -> Bool {
        let block = value >> 6 + 1
        let bit: UInt64 = 1 << (value & 63)
        let slot = block == lastBlock ? lastSlot : findOrAdd(block)
        let old = words[slot]
        words[slot] = old | bit
        return old & bit == 0
    }

    /// Whether no number is in both sets.
    func isDisjoint(with other: BlockBitSet) -> Bool {
        for (slot, block) in other.blocks.enumerated() where block != 0 {
            if let mine = find(block), words[mine] & other.words[slot] != 0 { return false }
        }
        return true
    }

    /// Adds every number of `other`.
    mutating func formUnion(_ other: BlockBitSet) {
        // grown first: filling a smaller table in the other's slot order piles every block into one run
        var capacity = Swift.max(64, blocks.count)
        while capacity * 3 < (used + other.used) * 4 { capacity *= 2 }
        if capacity > blocks.count { rehash(capacity: capacity) }
        for (slot, block) in other.blocks.enumerated() where block != 0 {
            let mine = findOrAdd(block)
            words[mine] |= other.words[slot]
        }
    }

    private func find(_ block: UInt64) -> Int? {
        guard !blocks.isEmpty else { return nil }
        let mask = blocks.count - 1
        var slot = start(block)
        while blocks[slot] != 0 {
            if blocks[slot] == block { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func findOrAdd(_ block: UInt64) -> Int {
        if (used + 1) * 4 > blocks.count * 3 { rehash(capacity: Swift.max(64, blocks.count * 2)) }
        let mask = blocks.count - 1
        var slot = start(block)
        while blocks[slot] != block {
            if blocks[slot] == 0 {
                blocks[slot] = block
                used += 1
                break
            }
            slot = (slot + 1) & mask
        }
        lastBlock = block
        lastSlot = slot
        return slot
    }

    /// The first slot to probe: the top bits of the block times the golden ratio (Fibonacci
    /// hashing), which spreads consecutive blocks evenly over the table.
    @inline(__always)
    private func start(_ block: UInt64) -> Int {
        Int(truncatingIfNeeded: (block &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func rehash(capacity: Int) {
        let (oldBlocks, oldWords) = (blocks, words)
        blocks = Array(repeating: 0, count: capacity)
        words = Array(repeating: 0, count: capacity)
        used = 0
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        lastBlock = 0
        for (slot, block) in oldBlocks.enumerated() where block != 0 {
            let mine = findOrAdd(block)
            words[mine] = oldWords[slot]
        }
    }
}
