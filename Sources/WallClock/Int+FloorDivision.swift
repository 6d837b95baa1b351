extension Int {
    /// Division rounding towards minus infinity, as minute and day boundaries before 1970 need.
    @inlinable
    public func floorDiv(_ divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder matching `floorDiv`: it has the divisor's sign (in `0..<divisor` for a positive one).
    @inlinable
    public func floorMod(_ divisor: Int) -> Int { self - floorDiv(divisor) * divisor }
}
