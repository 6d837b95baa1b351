import Foundation
import Testing
@testable import SVGCharts

/// Awkward inputs still give charts that read well: nothing overflows, vanishes or looks alike.
@Suite struct ReadabilityTests {
    static let axis = TimeAxis(startMinute: Fixtures.saleStart)

    @Test func longTitlesAreCutWithAnEllipsisButKeptWholeForScreenReaders() throws {
        var options = ChartOptions()
        options.width = 360
        options.title = "A long sale on a phone-sized chart with a long title that must not overflow"
        let text = try LineChart(axis: Self.axis, series: [PlotLine(name: "a", values: [1, 2, 3])]).render(options).text
        let metrics = FrameMetrics(fontSize: options.fontSize)
        let shown = FontMetrics.fitted(options.title, size: metrics.titleFont, bold: true, maxWidth: 360 - 2 * metrics.pad)
        #expect(shown == "A long sale on a phone-sized c\u{2026}")
        #expect(FontMetrics.width(shown, size: metrics.titleFont, bold: true) <= 360 - 2 * metrics.pad)
        #expect(text.contains(">\(shown)</text>"))
        #expect(text.contains("<title id=\"chart-title\">\(options.title)</title>"))
    }

    @Test func fittingKeepsShortTextAndDropsTrailingSpaces() {
        #expect(FontMetrics.fitted("web", size: 12, maxWidth: 100) == "web")
        // "ab c" at 10 px: a 6.13 + b 6.35 + space 3.18 + c 5.5; the ellipsis is 10 px wide.
        #expect(FontMetrics.fitted("ab cdef", size: 10, maxWidth: 23) == "ab\u{2026}")
        #expect(FontMetrics.fitted("abc", size: 10, maxWidth: 5) == "")
    }

    @Test func aLoneValueBetweenGapsIsDrawnAsADot() throws {
        let text = try LineChart(axis: Self.axis, series: [PlotLine(name: "a", values: [.nan, 5, .nan, 1, 2])]).render().text
        #expect(text.components(separatedBy: "<circle ").count == 2)
    }

    @Test func linesPastThePaletteAreDashed() throws {
        let series = (0..<9).map { PlotLine(name: "s\($0)", values: [Double($0), Double($0) + 1]) }
        let text = try LineChart(axis: Self.axis, series: series).render().text
        let paths = text.components(separatedBy: "<path ").filter { $0.contains("stroke-linecap=\"round\"") }
        #expect(paths.count == 9)
        #expect(paths.prefix(7).allSatisfy { $0.contains("stroke-dasharray=\"none\"") })
        #expect(paths.suffix(2).allSatisfy { $0.contains("stroke-dasharray=\"7 4\"") })
        #expect(Theme.light.color(7) == Theme.light.color(0))
    }

    @Test func allZeroRevenueGetsAnAxisFromZeroToOne() throws {
        let text = try RevenueBarChart(axis: Self.axis, perMinute: Array(repeating: 0, count: 60)).render().text
        #expect(text.contains(">1</text>") && text.contains(">0</text>"))
        #expect(!text.contains("\u{2212}"))
    }

    @Test func theNowLabelNamesTheDayOnAxesSpanningDays() throws {
        let long = try ForecastChart(axis: Self.axis, actual: Array(repeating: 1, count: 2000), cutoff: 2000,
                                     mean: Array(repeating: 2, count: 1000)).render().text
        #expect(long.contains(">now Tue 21 May 22:19<"))
        let short = try ForecastChart(axis: Self.axis, actual: [1, 2], cutoff: 2, mean: [3]).render().text
        #expect(short.contains(">now 13:01<"))
    }

    @Test func nestedBandsLegendSwatchesAreAsDarkAsTheirShading() throws {
        let mean = (1...60).map { 100 + Double($0) }
        let band = { (width: Double) in (lower: mean.map { $0 - width }, upper: mean.map { $0 + width }) }
        let (low80, high80) = band(4), (low50, high50) = band(2), (low95, high95) = band(8)
        let text = try ForecastChart(
            axis: Self.axis, actual: Array(repeating: 100, count: 60), cutoff: 60, mean: mean, lower: low80, upper: high80,
            otherBands: [.init(lower: low50, upper: high50, label: "50% interval"), .init(lower: low95, upper: high95, label: "95% interval")]
        ).render().text
        // the 50% band's region is shaded by all three layers, the 80% band's outside it by two, the 95% one's by one
        let single = Theme.light.bandOpacity
        let swatches = text.components(separatedBy: "<rect").dropFirst().suffix(3).compactMap { rect -> Double? in
            guard rect.contains("fill=\"\(Theme.light.palette[0])\""), let range = rect.range(of: #"fill-opacity="[0-9.]+""#, options: .regularExpression) else { return nil }
            return Double(rect[range].dropFirst(14).dropLast())
        }
        let expected = [3.0, 2, 1].map { 1 - pow(1 - single, $0) }
        #expect(swatches.count == 3)
        for (swatch, want) in zip(swatches, expected) { #expect(abs(swatch - want) < 0.001, "\(swatches) against \(expected)") }
        let one = try ForecastChart(axis: Self.axis, actual: Array(repeating: 100, count: 60), cutoff: 60, mean: mean,
                                    lower: low80, upper: high80).render().text
        #expect(one.contains(#"fill-opacity="\#(single)""#))
    }
}
