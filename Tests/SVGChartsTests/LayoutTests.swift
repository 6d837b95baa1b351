import Foundation
import Testing
@testable import SVGCharts

/// The frame keeps labels apart and the legend off the data at every size.
@Suite struct LayoutTests {
    static func spec(span: Double, legend: Int, markers: Int = 0) -> FrameSpec {
        let start = Double(Fixtures.saleStart)
        return FrameSpec(
            x: .time(start: start, end: start + span),
            y: ValueAxis(lo: 0, hi: 1_234_567, title: "cumulative revenue", money: true),
            y2: nil,
            legend: (0..<legend).map { LegendEntry(label: "scenario number \($0)", color: "#000", swatch: .line(dashed: false)) },
            kind: "test chart", summary: "",
            markers: (0..<markers).map { .init(minute: start + span * Double($0) / 10, text: "event \($0)", color: "#000") })
    }

    @Test(arguments: [320.0, 400, 480, 640, 800, 1200, 1600])
    func labelsNeverOverlap(width: Double) {
        for (span, labels) in [(360.0, TimeLabels.clock), (2880, .clock), (20_000, .clock), (360, .elapsed)] {
            var options = ChartOptions()
            options.width = width
            options.height = max(200, width * 0.6)
            options.timeLabels = labels
            options.currency = Currency(prefix: "€")
            let frame = ChartFrame.make(Self.spec(span: span, legend: 5, markers: 3), options: options)
            let m = frame.metrics
            #expect(frame.xTicks.values.count >= (width >= 400 ? 2 : 1))
            #expect(frame.xTicks.fitsHorizontally(positions: frame.xTicks.values.map { frame.x($0) }, size: m.tickFont, gap: m.font))
            let yPositions = frame.yTicks.values.map { frame.y($0) }
            #expect(zip(yPositions, yPositions.dropFirst()).allSatisfy { abs($0 - $1) >= m.tickFont * 1.5 })
            #expect(frame.plot.x >= frame.yTicks.maxWidth(size: m.tickFont) + m.pad)
            #expect(frame.plot.maxX <= width && frame.plot.maxY <= options.height)
            for row in frame.legendRows {
                #expect(row.map { m.legendItemWidth($0) }.reduce(0, +) <= width - 2 * m.pad || row.count == 1)
            }
            #expect(!frame.cramped)
            let legendBottom = m.pad + m.titleBlockHeight(options) + Double(frame.legendRows.count) * m.legendRowHeight
            #expect(legendBottom + Double(frame.spec.headroomRows) * m.markerRowHeight <= frame.plot.y)
        }
    }

    @Test func markerRowsShrinkToWhatTheLabelsNeed() {
        let frame = ChartFrame.make(Self.spec(span: 360, legend: 2, markers: 3), options: ChartOptions())
        #expect(frame.spec.headroomRows == 1)
        #expect(frame.markerRows() == [0, 0, 0])
        var crowded = Self.spec(span: 360, legend: 2)
        crowded.markers = (0..<3).map { .init(minute: Double(Fixtures.saleStart) + Double($0), text: "close \($0)", color: "#000") }
        let stacked = ChartFrame.make(crowded, options: ChartOptions())
        #expect(stacked.spec.headroomRows == 3)
        // The leftmost label goes highest: each line rises only through rows whose labels lie left of it.
        #expect(stacked.markerRows() == [2, 1, 0])
    }

    @Test func legendOnTheRightNarrowsThePlot() {
        var options = ChartOptions()
        let top = ChartFrame.make(Self.spec(span: 360, legend: 3), options: options)
        options.legend = .right
        let right = ChartFrame.make(Self.spec(span: 360, legend: 3), options: options)
        #expect(right.legendRows.isEmpty)
        #expect(right.plot.width < top.plot.width - 100)
        #expect(right.plot.y < top.plot.y)
    }
}
