import Foundation
import Testing
import NumberText

/// The one number formatter: short numbers, fixed decimals, grouped money, cents and percentages.
@Suite struct NumberFormatTests {
    /// Three significant digits, as chart labels use them.
    @Test(arguments: [
        (0.0, "0"), (950, "950"), (999.4, "999"), (999.6, "1k"), (1000, "1k"), (12_345, "12.3k"), (12_400, "12.4k"),
        (123_456, "123k"), (999_960, "1M"), (3_100_000, "3.1M"), (2.5e9, "2.5B"), (7e12, "7T"), (5e15, "5000T"),
        (1.5, "1.5"), (0.01234, "0.0123"), (-12_400, "-12.4k"), (-0.0001, "-0.0001"), (.nan, "nan"),
        (0.000_032_14, "3.21e-5"), (0.000_003_2, "3.2e-6"), (1e-6, "1e-6"), (9.996e-7, "1e-6"), (-2.5e-9, "-2.5e-9"),
    ] as [(Double, String)])
    func threeDigits(value: Double, text: String) {
        #expect(NumberFormat.short(value, digits: 3) == text)
    }

    /// Four significant digits, the default, as series summaries and warnings use them.
    @Test(arguments: [(0.125, "0.125"), (999, "999"), (999.99, "1k"), (1234, "1.234k"), (-2_500_000, "-2.5M"),
                      (7e9, "7B"), (3.2e13, "32T"), (1_083_456, "1.083M"), (1_940_414, "1.94M")] as [(Double, String)])
    func fourDigits(value: Double, text: String) {
        #expect(NumberFormat.short(value) == text)
    }

    /// Edges worked out by hand: signed zero, rounding across a suffix, non-finite and huge values.
    @Test(arguments: [
        (-0.0, "0"), (999_950, "1M"), (999_949, "999.9k"), (999.95e3, "1M"), (-999_950, "-1M"),
        (.infinity, "inf"), (-.infinity, "-inf"), (1e18, "1e18"), (1.7976931348623157e308, "1.798e308"),
        (0.0001, "0.0001"), (0.00009999, "9.999e-5"), (-0.00001, "-1e-5"),
    ] as [(Double, String)])
    func shortEdges(value: Double, text: String) {
        #expect(NumberFormat.short(value) == text)
    }

    @Test func shortUsesTheGivenMinus() {
        #expect(NumberFormat.short(-12_400, digits: 3, minus: "\u{2212}") == "\u{2212}12.4k")
        #expect(NumberFormat.short(-.infinity, minus: "\u{2212}") == "\u{2212}inf")
    }

    @Test(arguments: [(0.25, 2), (500.0, 0), (0.1, 1), (0.001, 3), (0.3 - 0.1, 1), (2.5, 1), (0, 0), (.nan, 0)] as [(Double, Int)])
    func decimalsForStep(step: Double, decimals: Int) {
        #expect(NumberFormat.decimals(forStep: step) == decimals)
    }

    /// Tick labels: each value with its own suffix and the decimals its step needs.
    @Test(arguments: [(1250.0, 250.0, "1.25k"), (500_000, 500_000, "500k"), (0.4, 0.2, "0.4"), (-1000, 1000, "-1k"),
                      (1e-12, 0.5, "0"), (1_000_000, 500_000, "1M")] as [(Double, Double, String)])
    func shortSharingAStep(value: Double, step: Double, text: String) {
        #expect(NumberFormat.short(value, step: step) == text)
    }

    @Test(arguments: [
        (3.14159, 2, "3.14"), (-0.004, 2, "0.00"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.1 + 0.2, 3, "0.300"),
        (1234.5, 1, "1234.5"), (7, 3, "7.000"), (0.125, 2, "0.13"), (-0.0, 2, "0.00"), (.nan, 2, "nan"),
        (.infinity, 2, "inf"), (-.infinity, 1, "-inf"), (1e20, 2, "100000000000000000000.00"), (-1e16, 0, "-10000000000000000"),
        (1_940_414.375, 2, "1940414.38"),
    ] as [(Double, Int, String)])
    func fixed(value: Double, decimals: Int, text: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals) == text)
    }

    @Test(arguments: [(2.5, 2, "2.5"), (3.0, 2, "3"), (-0.004, 2, "0"), (0.1 + 0.2, 3, "0.3"), (100, 1, "100")]
          as [(Double, Int, String)])
    func trimmed(value: Double, decimals: Int, text: String) {
        #expect(NumberFormat.trimmed(value, decimals: decimals) == text)
    }

    @Test(arguments: [
        (1_940_414.4, "1,940,414"), (0, "0"), (999, "999"), (1000, "1,000"), (-1234.5, "-1,235"), (-0.4, "0"),
        (123_456_789, "123,456,789"), (.nan, "nan"), (-.infinity, "-inf"), (1e21, "1,000,000,000,000,000,000,000"),
    ] as [(Double, String)])
    func grouped(value: Double, text: String) {
        #expect(NumberFormat.grouped(value) == text)
    }

    @Test(arguments: [(1234, "12.34"), (5, "0.05"), (-5, "-0.05"), (0, "0.00"), (-100, "-1.00"), (Int64.min, "-92233720368547758.08")]
          as [(Int64, String)])
    func cents(cents: Int64, text: String) {
        #expect(NumberFormat.cents(cents) == text)
    }

    @Test func percentages() {
        #expect(NumberFormat.percent(1.02) == "102%")
        #expect(NumberFormat.percent(0.468, decimals: 1) == "46.8%")
        #expect(NumberFormat.percent(-0.004) == "0%")
        #expect(NumberFormat.percent(-0.0005, decimals: 1) == "-0.1%")
        #expect(NumberFormat.percent(.nan) == "nan")
    }

    @Test func moneyAndSignedChanges() {
        #expect(NumberFormat.money(1234.5) == "1234.50")
        #expect(NumberFormat.money(-0.001) == "0.00")
        #expect(NumberFormat.signed(56.25) == "+56.25")
        #expect(NumberFormat.signed(-3) == "-3.00")
        #expect(NumberFormat.signed(-0.001) == "+0.00")
        #expect(NumberFormat.signed(12.5, decimals: 0) == "+13")
        #expect(NumberFormat.signed(.nan) == "nan")
    }

    @Test(arguments: [(0.0027407397990381, "0.002740739799"), (1.0, "1"), (9571.736873456, "9571.736873"),
                      (1.5e-7, "1.5e-07"), (-0.25, "-0.25"), (12345678901234, "1.23456789e+13"), (Double.nan, "nan")])
    func general(value: Double, text: String) {
        #expect(NumberFormat.general(value, digits: 10) == text)
    }

    /// `fixed` as first written, from Strings (the byte writer must give the same text).
    static func fixedFromStrings(_ value: Double, decimals: Int, minus: String) -> String {
        guard value.isFinite else { return NumberFormat.fixed(value, decimals: decimals, minus: minus) }
        let places = min(max(decimals, 0), 9)
        let scale = pow(10, Double(places))
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return NumberFormat.fixed(value, decimals: decimals, minus: minus) }
        let units = Int64(scaled), divisor = Int64(scale)
        var text = String(units / divisor)
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? minus : "") + text
    }

    @Test func bytesAppendedAreTheFixedText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let magnitude = pow(10, Double.random(in: -4...14, using: &generator))
            let value = (Bool.random(using: &generator) ? -1 : 1) * Double.random(in: 0...magnitude, using: &generator)
            let decimals = Int.random(in: -1...10, using: &generator), minus = Bool.random(using: &generator) ? "-" : "\u{2212}"
            let expected = Self.fixedFromStrings(value, decimals: decimals, minus: minus)
            #expect(NumberFormat.fixed(value, decimals: decimals, minus: minus) == expected, "\(value) \(decimals)")
            var bytes = Array("a,".utf8)
            NumberFormat.appendFixed(value, decimals: decimals, minus: minus, to: &bytes)
            #expect(bytes == Array(("a," + expected).utf8))
        }
        var bytes: [UInt8] = []
        for value in [0.0, -0.0, 0.005, -0.005, 9.995, 1e16, -1e16, .nan, -.infinity] { NumberFormat.appendMoney(value, to: &bytes) }
        #expect(String(decoding: bytes, as: UTF8.self) == "0.000.000.01-0.019.99" + "10000000000000000.00-10000000000000000.00nan-inf")
        for value: Int64 in [0, 7, 10, 1234567890, .max] {
            var digits: [UInt8] = []
            NumberFormat.appendDigits(value, to: &digits)
            #expect(String(decoding: digits, as: UTF8.self) == String(value))
        }
    }
}
