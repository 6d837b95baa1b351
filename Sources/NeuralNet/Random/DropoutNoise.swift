/// Eight interleaved xorshift128 generators: random bits for dropout masks, eight lanes at a time,
/// fast enough that drawing a mask costs less than applying it.
public struct DropoutNoise: Sendable {
    private var x, y, z, w: SIMD8<UInt32>

    /// Noise whose lanes are seeded from `seed` by SplitMix64.
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        func lanes() -> SIMD8<UInt32> {
            var v = SIMD8<UInt32>()
            for i in 0..<8 { v[i] = UInt32(truncatingIfNeeded: mixer.next()) | 1 }
            return v
        }
        x = lanes()
        y = lanes()
        z = lanes()
        w = lanes()
    }

    /// The next 32 random bits in each of the eight lanes.
    @inline(__always) public mutating func next() -> SIMD8<UInt32> {
        let t = x ^ (x &<< 11)
        x = y
        y = z
        z = w
        w = w ^ (w &>> 19) ^ (t ^ (t &>> 8))
        return w
    }
}
