import SaleData
import Testing
@testable import SaleReports

@Suite struct GroupSelectionTests {
    @Test func theLargestOrTheFirstAreKeptInTheOrderGiven() {
        let sizes: [Double] = [5, .nan, 9, 5, 1, 9]
        #expect(GroupSelection(show: 3).split(sizes: sizes) == ([0, 2, 5], [1, 3, 4]))  // of equal sizes the earlier
        #expect(GroupSelection(show: 3, pick: .first).split(sizes: sizes) == ([0, 1, 2], [3, 4, 5]))
        #expect(GroupSelection(show: 5).split(sizes: sizes) == ([0, 1, 2, 3, 4, 5], []))  // one left over: drawn too
        #expect(GroupSelection(show: 4).split(sizes: sizes) == ([0, 2, 3, 5], [1, 4]))  // NaN counts as the smallest
    }

    @Test func theOthersAreSummedMinuteByMinuteWithoutTheirGaps() throws {
        var groups = (1...4).map { index in
            (name: "g\(index)", revenue: Series(start: 600, values: (0..<120).map { Double($0 % 7 * index) }))
        }
        groups[0].revenue.values[3] = .nan
        groups[1].revenue = Series(start: 660, values: [Double](repeating: 1, count: 120))  // an hour later, an hour longer
        let drawing = try ChartDrawing.groupRevenue(groups, step: 60, selection: GroupSelection(show: 1))
        #expect(drawing.drawn.count == 2)
        #expect(drawing.note == "the largest of 4 groups by revenue; 3 others summed")
        let others = drawing.drawn[1]
        #expect(others.start == 600 && others.count == 3)
        // g1 (without its gap at minute 3) and g3 over the first hour; g1, g2 and g3 over the second; g2 alone after
        let first = Self.sum(0..<60, times: 4) - 3, second = Self.sum(60..<120, times: 4) + 60
        #expect(others.values == [first, second, 60])
    }

    /// The sum of `minute % 7 * times` over `minutes`.
    private static func sum(_ minutes: Range<Int>, times: Int) -> Double {
        Double(minutes.reduce(0) { $0 + $1 % 7 * times })
    }

    /// Markets on their own clocks (`zones`), half an hour apart, are cut into hours on the first one's clock.
    @Test func groupsOnClocksHalfAnHourApartStack() throws {
        let zones = try ["Europe/Berlin", "Asia/Kolkata", "America/St_Johns"].map { try #require(ShopZone($0)) }
        let groups = zones.enumerated().map { index, zone in
            (name: "m\(index)", revenue: Series(start: 27_259_920, values: [Double](repeating: 1, count: 180), zone: zone))
        }
        let drawing = try ChartDrawing.stacked(groups, step: 60)
        #expect(Set(drawing.drawn.map(\.start)).count == 1)
        #expect(drawing.drawn.map(\.values) == [[Double]](repeating: [60, 60, 60], count: 3))
        #expect(drawing.drawn.allSatisfy { $0.zone == zones[0] })
    }

    @Test func theStackDrawsTheOthersOnTopInGrey() throws {
        let groups = (1...10).map { index in (name: "g\(index)", revenue: Series(start: 0, values: [Double](repeating: Double(index), count: 60))) }
        let drawing = try ChartDrawing.stacked(groups, step: 60)
        #expect(drawing.note == "the 7 largest of 10 groups by revenue; 3 others summed")
        #expect(drawing.drawn.map(\.values) == [[240], [300], [360], [420], [480], [540], [600], [360]])
    }
}
