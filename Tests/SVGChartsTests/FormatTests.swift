import Testing
@testable import SVGCharts

/// Deterministic number formats: short numbers, money, tick labels, coordinates, escaping.
@Suite struct FormatTests {
    /// Chart labels: three significant digits, a typographic minus, `nan` and `inf` without a symbol
    /// (the digits themselves are NumberFormat's, tested in NumberTextTests).
    @Test(arguments: [
        (-12_400.0, "\u{2212}12.4k"), (-0.0001, "\u{2212}0.0001"), (-2.5e-9, "\u{2212}2.5e-9"), (.nan, "nan"),
        (-.infinity, "\u{2212}inf"), (-0.0, "0"), (999_960, "1M"), (12_345, "12.3k"),
    ] as [(Double, String)])
    func shortNumber(value: Double, text: String) {
        #expect(Currency.none.short(value) == text)
    }

    @Test(arguments: [
        (12_400.0, Currency(prefix: "$"), "$12.4k"),
        (12_400, Currency(suffix: " kr"), "12.4k kr"),
        (3_100_000, Currency(prefix: "€"), "€3.1M"),
        (-1_234, Currency(prefix: "$"), "\u{2212}$1.23k"),
        (0, Currency(prefix: "$"), "$0"),
    ] as [(Double, Currency, String)])
    func money(value: Double, currency: Currency, text: String) {
        #expect(currency.short(value) == text)
    }

    @Test(arguments: [
        ([0.0, 500_000, 1_000_000, 1_500_000], 500_000.0, ["0", "500k", "1M", "1.5M"]),
        ([0, 0.2, 0.4, 0.6], 0.2, ["0", "0.2", "0.4", "0.6"]),
        ([1000, 1250, 1500], 250, ["1k", "1.25k", "1.5k"]),
        ([-1000, 0, 1000], 1000, ["\u{2212}1k", "0", "1k"]),
        ([0, 20_000, 40_000], 20_000, ["0", "20k", "40k"]),
        ([0.98, 1, 1.02], 0.02, ["0.98", "1", "1.02"]),
    ] as [([Double], Double, [String])])
    func tickLabels(values: [Double], step: Double, labels: [String]) {
        #expect(Currency.none.tickLabels(values, step: step) == labels)
    }

    @Test func tickLabelsCarryTheCurrency() {
        #expect(Currency(prefix: "€").tickLabels([0, 50_000], step: 50_000) == ["€0", "€50k"])
    }

    @Test func coordinatesAreShortAndClamped() {
        #expect(DecimalFormat.coordinate(12.0) == "12")
        #expect(DecimalFormat.coordinate(12.04) == "12")
        #expect(DecimalFormat.coordinate(-3.26) == "-3.3")
        #expect(DecimalFormat.coordinate(1e300) == "10000000")
    }

    @Test func escapingMakesTextSafeXML() {
        #expect(SVGWriter.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
        #expect(SVGWriter.escape("bell\u{07}tab\tend\u{FFFE}") == "belltab\tend")
        #expect(SVGWriter.escape("Ümlaut €") == "Ümlaut €")
    }

    @Test func fontWidthsComeFromTheTable() {
        #expect(FontMetrics.width("0", size: 10) == 6.36)
        #expect(FontMetrics.width("Mon 20 May", size: 1000) == 863 + 612 + 634 + 318 + 636 + 636 + 318 + 863 + 613 + 592)
        #expect(FontMetrics.width("A", size: 10, bold: true) == 7.74)
        #expect(FontMetrics.width("\u{4E2D}", size: 10) == 10)
    }
}
