import Testing
@testable import SVGCharts

/// Deterministic number formats: short numbers, money, tick labels, coordinates, escaping.
@Suite struct FormatTests {
    @Test(arguments: [
        (0.0, "0"), (950, "950"), (999.4, "999"), (999.6, "1k"), (1000, "1k"), (12_345, "12.3k"), (12_400, "12.4k"),
        (123_456, "123k"), (999_960, "1M"), (3_100_000, "3.1M"), (2.5e9, "2.5B"), (7e12, "7T"), (5e15, "5000T"),
        (1.5, "1.5"), (0.01234, "0.0123"), (-12_400, "\u{2212}12.4k"), (-0.0001, "\u{2212}0.0001"), (.nan, "n/a"),
        (0.000_032_14, "3.21e-5"), (0.000_003_2, "3.2e-6"), (1e-6, "1e-6"), (9.996e-7, "1e-6"), (-2.5e-9, "\u{2212}2.5e-9"),
    ] as [(Double, String)])
    func shortNumber(value: Double, text: String) {
        #expect(ShortNumber.format(value) == text)
    }

    @Test(arguments: [
        (12_400.0, Currency(prefix: "$"), "$12.4k"),
        (12_400, Currency(suffix: " kr"), "12.4k kr"),
        (3_100_000, Currency(prefix: "€"), "€3.1M"),
        (-1_234, Currency(prefix: "$"), "\u{2212}$1.23k"),
        (0, Currency(prefix: "$"), "$0"),
    ] as [(Double, Currency, String)])
    func money(value: Double, currency: Currency, text: String) {
        #expect(ShortNumber.format(value, currency: currency) == text)
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
        #expect(ShortNumber.tickLabels(values, step: step) == labels)
    }

    @Test func tickLabelsCarryTheCurrency() {
        #expect(ShortNumber.tickLabels([0, 50_000], step: 50_000, currency: Currency(prefix: "€")) == ["€0", "€50k"])
    }

    @Test(arguments: [
        (3.14159, 2, "3.14"), (-0.004, 2, "0.00"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.1 + 0.2, 3, "0.300"),
        (1234.5, 1, "1234.5"), (7, 3, "7.000"),
    ] as [(Double, Int, String)])
    func fixed(value: Double, decimals: Int, text: String) {
        #expect(DecimalFormat.fixed(value, decimals: decimals) == text)
    }

    @Test func coordinatesAreShortAndClamped() {
        #expect(DecimalFormat.coordinate(12.0) == "12")
        #expect(DecimalFormat.coordinate(12.04) == "12")
        #expect(DecimalFormat.coordinate(-3.26) == "-3.3")
        #expect(DecimalFormat.coordinate(1e300) == "10000000")
    }

    @Test(arguments: [(0.25, 2), (500.0, 0), (0.1, 1), (0.001, 3), (0.3 - 0.1, 1), (2.5, 1)] as [(Double, Int)])
    func decimalsForStep(step: Double, decimals: Int) {
        #expect(DecimalFormat.decimals(forStep: step) == decimals)
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
