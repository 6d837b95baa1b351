import Foundation
import Testing
@testable import SVGCharts

/// Properties of min-max and LTTB thinning, and the size of charts of very long series.
@Suite struct ReductionTests {
    /// A noisy random walk of `count` points spread over `columns` pixels.
    static func walk(count: Int, columns: Double) -> [Point] {
        let noise = Fixtures.noise(count: count, seed: 42)
        var level = 0.0
        return noise.enumerated().map { i, n in
            level += n
            return Point(x: Double(i) / Double(count) * columns, y: level)
        }
    }

    @Test func minMaxKeepsEveryColumnsExtremesAndEnds() {
        let points = Self.walk(count: 20_000, columns: 300)
        let reduced = Reduction.minMax(points)
        #expect(reduced.count <= 4 * 300)
        #expect(reduced.first == points.first && reduced.last == points.last)
        let byColumn = Dictionary(grouping: points) { $0.x.rounded(.down) }
        let reducedByColumn = Dictionary(grouping: reduced) { $0.x.rounded(.down) }
        #expect(byColumn.keys.sorted() == reducedByColumn.keys.sorted())
        for (column, all) in byColumn {
            let kept = reducedByColumn[column] ?? []
            #expect(kept.map(\.y).min() == all.map(\.y).min())
            #expect(kept.map(\.y).max() == all.map(\.y).max())
        }
        #expect(zip(reduced, reduced.dropFirst()).allSatisfy { $0.x <= $1.x })
    }

    @Test func minMaxLeavesSparseSeriesAlone() {
        let points = (0..<50).map { Point(x: Double($0) * 3, y: Double($0 % 7)) }
        #expect(Reduction.minMax(points) == points)
    }

    @Test func lttbKeepsCountEndsOrderAndSpikes() {
        var points = (0..<10_000).map { Point(x: Double($0) / 10, y: 100) }
        points[6_543].y = 5  // a single spike must survive
        let reduced = Reduction.lttb(points, threshold: 200)
        #expect(reduced.count == 200)
        #expect(reduced.first == points.first && reduced.last == points.last)
        #expect(reduced.contains(points[6_543]))
        #expect(zip(reduced, reduced.dropFirst()).allSatisfy { $0.x < $1.x })
        let input = Set(points.map(\.x))
        #expect(reduced.allSatisfy { input.contains($0.x) })
    }

    @Test func lttbLeavesShortSeriesAlone() {
        let points = Self.walk(count: 100, columns: 100)
        #expect(Reduction.lttb(points, threshold: 200) == points)
        #expect(Reduction.lttb(points, threshold: 2) == points)
    }

    @Test(arguments: Reduction.allCases)
    func hundredThousandPointsStayWellUnderOneMegabyte(reduction: Reduction) throws {
        var options = ChartOptions()
        options.reduction = reduction
        let values = Self.walk(count: 100_000, columns: 1).map { $0.y * 100 + 50_000 }
        let chart = LineChart(axis: TimeAxis(startMinute: Fixtures.saleStart), series: [PlotLine(name: "walk", values: values)])
        let bytes = try chart.render(options).text.utf8.count
        #expect(bytes < 200_000)
    }
}
