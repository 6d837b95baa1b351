/// Money held as Doubles summed exactly: amounts with whole cents (`0.1`, `93352.11`) are summed
/// as integer cents, as `MinuteTable` does, so `0.1 + 0.2` gives the Double that reads `0.3`.
enum Cents {
    /// The values in cents when each is exactly the Double of a whole number of cents and the sum
    /// of their magnitudes fits in 64 bits (so every partial sum does too); nil otherwise.
    static func of(_ values: [Double]) -> [Int64]? {
        var cents: [Int64] = []
        cents.reserveCapacity(values.count)
        var magnitude: Int64 = 0
        for value in values {
            guard abs(value) < 9e13 else { return nil }  // so cents stay below 2^53
            let whole = Int64((value * 100).rounded())
            guard amount(whole) == value else { return nil }
            let (total, overflow) = magnitude.addingReportingOverflow(abs(whole))
            guard !overflow else { return nil }
            magnitude = total
            cents.append(whole)
        }
        return cents
    }

    /// The Double nearest an amount of cents: 30 → 0.3.
    static func amount(_ cents: Int64) -> Double { Double(cents) / 100 }
}

/// A sum taken value by value: in cents while every value is whole cents and the magnitudes fit in
/// 64 bits, compensated otherwise; NaN and infinities propagate as in plain addition.
struct ExactSum {
    private var cents: Int64 = 0, magnitude: Int64 = 0, inCents = true
    private var running = CompensatedSum(), plain = 0.0

    mutating func add(_ value: Double) {
        plain += value
        running.add(value)
        guard inCents else { return }
        let whole = abs(value) < 9e13 ? Int64((value * 100).rounded()) : 0
        let (total, overflow) = magnitude.addingReportingOverflow(abs(whole))
        inCents = abs(value) < 9e13 && Cents.amount(whole) == value && !overflow
        magnitude = total
        cents &+= whole
    }

    /// The sum so far.
    var value: Double {
        if inCents { return Cents.amount(cents) }
        return plain.isFinite ? running.value : plain
    }
}

/// A running sum that keeps the low-order bits plain addition loses (Neumaier's method).
struct CompensatedSum {
    private var total = 0.0, compensation = 0.0

    mutating func add(_ value: Double) {
        let sum = total + value
        compensation += abs(total) >= abs(value) ? (total - sum) + value : (value - sum) + total
        total = sum
    }

    /// The sum so far.
    var value: Double { total + compensation }
}

extension Series {
    /// Sum of values: exact in cents for money, compensated otherwise.
    static func exactSum(_ values: [Double]) -> Double {
        var sum = ExactSum()
        for value in values { sum.add(value) }
        return sum.value
    }

    /// Running sums of values: exact in cents for money, compensated otherwise; NaN and infinities
    /// propagate as in plain addition.
    static func runningSums(_ values: [Double]) -> [Double] {
        if let cents = Cents.of(values) {
            var total: Int64 = 0
            return cents.map { total += $0; return Cents.amount(total) }
        }
        var running = CompensatedSum(), plain = 0.0
        return values.map { value in
            running.add(value)
            plain += value
            return plain.isFinite ? running.value : plain
        }
    }
}
