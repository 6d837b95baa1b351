/// Parses amounts such as `12`, `12.5`, `+0.99` into cents, exactly for up to two decimals.
enum AmountParser {
    /// An amount as an integer mantissa and a count of decimals (`12.345` is 12345 and 3).
    struct Decimal {
        var mantissa: Int64
        var decimals: Int
        var negative: Bool
    }

    /// Largest whole part accepted (a trillion), so that sums of cents stay far from overflow.
    static let maxWholeDigits = 12

    /// Parses the bytes; nil when they are not a plain decimal number.
    static func parse(_ p: UnsafePointer<UInt8>, count n: Int) -> Result<Decimal, OrdersProblem>? {
        var i = 0
        var negative = false
        if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: Int64 = 0
        var whole = 0
        while i < n, p[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ Int64(p[i] &- 48)
            whole += 1
            i += 1
        }
        var decimals = 0
        if i < n, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, p[i] &- 48 < 10 {
                if decimals < 6 {
                    mantissa = mantissa &* 10 &+ Int64(p[i] &- 48)
                    decimals += 1
                }
                i += 1
            }
        }
        guard i == n, whole + decimals > 0 else { return nil }
        if whole > maxWholeDigits { return .failure(.tooLargeAmount("")) }
        return .success(Decimal(mantissa: mantissa, decimals: decimals, negative: negative))
    }

    private static let powers: [Int64] = [1, 10, 100, 1000, 10000, 100_000, 1_000_000]

    /// Cents of a decimal at a currency rate, rounded half away from zero.
    static func cents(_ value: Decimal, rate: Double) -> Int64 {
        if rate == 1 {
            if value.decimals <= 2 { return value.mantissa * powers[2 - value.decimals] }
            let divisor = powers[value.decimals - 2]
            return (value.mantissa + divisor / 2) / divisor
        }
        return Int64((Double(value.mantissa) * rate * 100 / Double(powers[value.decimals])).rounded())
    }
}
