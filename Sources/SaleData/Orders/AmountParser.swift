/// Parses amounts such as `12`, `12.5`, `+0.99` (or `12,5`, `1.234,50` with a decimal comma) into
/// cents, exactly for up to two decimals.
enum AmountParser {
    /// An amount as an integer mantissa and a count of decimals (`12.345` is 12345 and 3).
    struct Decimal {
        var mantissa: Int64
        var decimals: Int
        var negative: Bool
    }

    /// What an amount tells of the file's decimal mark.
    enum Evidence: Equatable {
        /// Read the same with either mark (a whole number).
        case either
        /// Readable with this mark only.
        case only(DecimalMark)
        /// `1.234` or `1,234`: a decimal or thousands grouping, the value cannot tell.
        case ambiguous
        /// Not a number with either mark.
        case neither
    }

    /// Largest whole part accepted (a trillion), so that sums of cents stay far from overflow.
    static let maxWholeDigits = 12

    /// Parses the bytes; nil when they are not a plain decimal number with that mark.
    static func parse(_ p: UnsafePointer<UInt8>, count n: Int, mark: DecimalMark) -> Result<Decimal, OrdersProblem>? {
        let point = mark == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
        let grouping: UInt8? = mark == .comma ? UInt8(ascii: ".") : nil
        var i = 0
        var negative = false
        if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        let wholeStart = i
        var mantissa: Int64 = 0
        var whole = 0
        var groups = 0
        var run = 0
        while i < n {
            if p[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ Int64(p[i] &- 48)
                whole += 1
                run += 1
            } else if p[i] == grouping {
                let firstOK = groups > 0 || ((1...3).contains(run) && p[wholeStart] != UInt8(ascii: "0"))
                guard firstOK, groups == 0 || run == 3 else { return nil }
                groups += 1
                run = 0
            } else {
                break
            }
            i += 1
        }
        guard groups == 0 || run == 3 else { return nil }
        var decimals = 0
        if i < n, p[i] == point {
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

    /// Which decimal marks can read the bytes.
    static func evidence(_ p: UnsafePointer<UInt8>, count n: Int) -> Evidence {
        if isAmbiguous(p, count: n) { return .ambiguous }
        switch (parse(p, count: n, mark: .point) != nil, parse(p, count: n, mark: .comma) != nil) {
        case (true, true): return .either
        case (true, false): return .only(.point)
        case (false, true): return .only(.comma)
        case (false, false): return .neither
        }
    }

    /// `1.234` or `1,234` (signed or not): one to three digits, not starting with 0, one mark, three digits.
    private static func isAmbiguous(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        let start = n > 0 && (p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+")) ? 1 : 0
        let length = n - start
        guard (5...7).contains(length), p[start] != UInt8(ascii: "0") else { return false }
        let mark = n - 4
        guard p[mark] == UInt8(ascii: ".") || p[mark] == UInt8(ascii: ",") else { return false }
        return (start..<n).allSatisfy { $0 == mark || p[$0] &- 48 < 10 }
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
