@testable import SVGCharts
import Testing

/// Each what-if scenario's band is shaded in the scenario's colour behind the lines, lighter the
/// more scenarios there are, with its edges as thin dashed lines.
@Suite struct ScenarioBandChartTests {
    static func chart(bands: [(lower: [Double], upper: [Double])]) -> ScenarioChart {
        let base: [Double] = [10, 11, 12, 13], mail: [Double] = [10, 12, 14, 16], off: [Double] = [10, 11, 13, 15]
        return ScenarioChart(
            axis: TimeAxis(startMinute: 0, stepMinutes: 1), actual: [7, 8, 9],
            baseline: PlotLine(name: "baseline", values: base, start: 3),
            scenarios: [PlotLine(name: "e-mail", values: mail, start: 3), PlotLine(name: "10% off", values: off, start: 3)],
            band: (lower: base.map { $0 - 1 }, upper: base.map { $0 + 1 }, label: "80% intervals"),
            scenarioBands: bands)
    }

    /// The filled paths of a rendered chart in `color` at `opacity`.
    static func fills(_ svg: String, color: String, opacity: Double) -> Int {
        svg.ranges(of: "fill=\"\(color)\" fill-opacity=\"\(SVGWriter.Value.fraction(opacity).rendered)\"").count
    }

    @Test func eachScenarioBandIsShadedInItsColour() throws {
        let bands = [(lower: [9.0, 11, 12, 14], upper: [11.0, 13, 16, 19]), (lower: [9.0, 10, 12, 13], upper: [11.0, 12, 14, 17])]
        let svg = try Self.chart(bands: bands).render(ChartOptions()).text
        let opacity = ScenarioChart.scenarioBandOpacity(count: 2)
        #expect(Self.fills(svg, color: Theme.light.color(0), opacity: opacity) == 1)
        #expect(Self.fills(svg, color: Theme.light.color(1), opacity: opacity) == 1)
        #expect(ScenarioChart.scenarioBandOpacity(count: 1) > opacity && ScenarioChart.scenarioBandOpacity(count: 40) >= 0.06)

        let none = try Self.chart(bands: []).render(ChartOptions()).text
        #expect(Self.fills(none, color: Theme.light.color(0), opacity: opacity) == 0)
        #expect(Self.fills(none, color: Theme.light.color(0), opacity: ScenarioChart.scenarioBandOpacity(count: 1)) == 0)
    }

    @Test func aBandNotAlignedWithItsScenarioIsLeftOutAndTheOthersKeepTheirColours() throws {
        let bands = [(lower: [9.0, 11], upper: [11.0, 13]), (lower: [9.0, 10, 12, 13], upper: [11.0, 12, 14, 17])]
        let svg = try Self.chart(bands: bands).render(ChartOptions()).text
        let opacity = ScenarioChart.scenarioBandOpacity(count: 1)
        #expect(Self.fills(svg, color: Theme.light.color(0), opacity: opacity) == 0)
        #expect(Self.fills(svg, color: Theme.light.color(1), opacity: opacity) == 1)
    }
}
