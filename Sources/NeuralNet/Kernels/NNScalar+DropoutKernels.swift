extension NNScalar {
    /// The pointer kernel of `dropoutMask`: 24 random bits per element against `p * 2^24`, without branches
    /// (the outcome is random, so a branch would be mispredicted half the time).
    static func dropoutMask(
        _ mask: UnsafeMutablePointer<Self>, count: Int, dropProbability: Double,
        noise: inout DropoutNoise
    ) {
        let threshold = SIMD8<UInt32>(repeating: UInt32((dropProbability * 16_777_216).rounded()))
        let keep = Self(1 / (1 - dropProbability))
        var i = 0
        while i < count {
            // 1 where the 24 random bits are at least the threshold, else 0
            let kept = SIMD8<Self>(1 &- (((noise.next() &>> 8) &- threshold) &>> 31)) * keep
            if i + 8 <= count {
                UnsafeMutableRawPointer(mask + i).storeBytes(of: kept, as: SIMD8<Self>.self)
            } else {
                for lane in 0..<count - i { mask[i + lane] = kept[lane] }
            }
            i += 8
        }
    }
}
