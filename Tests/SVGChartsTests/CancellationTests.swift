import Cancellation
import Synchronization
import Testing
@testable import SVGCharts

/// A chart of millions of points takes seconds to draw: a Ctrl-C or a timeout (`CancellationCheck`)
/// stops it within a slice of a layer, and the drawing cut short is never returned.
@Suite struct CancellationTests {
    static let huge = TimedSeries(name: "huge", startMinute: 0, stepMinutes: 1, values: (0..<150_000).map { Double($0 % 977) })

    /// A question that says "stop" from its `from`-th asking on, and counts the askings.
    final class Question: Sendable {
        let asked = Mutex(0)
        let from: Int
        init(from: Int) { self.from = from }
        func ask() -> Bool { asked.withLock { $0 += 1; return $0 >= from } }
    }

    @Test func aDrawingStopsWhenAskedAndIsNotReturned() throws {
        let chart = Chart(kind: "line chart", yTitle: "revenue", layers: [.line(Self.huge, label: "huge"), .bars(Self.huge, label: "bars")])
        #expect(throws: ChartError.cancelled) { try CancellationCheck.observing({ true }) { try chart.render() } }
        let whole = Question(from: .max)
        #expect(try CancellationCheck.observing({ whole.ask() }) { try chart.render() }.text.contains("huge"))
        let asked = whole.asked.withLock { $0 }  // after the layout, then every 65,536 points of a layer
        for from in 2..<asked {
            let question = Question(from: from)
            #expect(throws: ChartError.cancelled, "\(from)") {
                try CancellationCheck.observing({ question.ask() }) { try chart.render() }
            }
            #expect(question.asked.withLock { $0 } <= from + 2, "\(from) of \(asked): the drawing went on after being asked to stop")
        }
    }

    @Test func smallMultiplesStopBetweenPanels() throws {
        var chart = Chart(kind: "groups chart", yTitle: "revenue", layers: ["DE", "FR", "IT"].map { Layer.line(Self.huge, label: $0).inPanel($0) })
        chart.panels = PanelGrid()
        #expect(throws: ChartError.cancelled) { try CancellationCheck.observing({ true }) { try chart.render() } }
    }
}
