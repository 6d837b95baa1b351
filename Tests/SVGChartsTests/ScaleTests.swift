import Foundation
import Testing
@testable import SVGCharts

@Suite struct ScaleTests {
    @Test func linearMapsAndInverts() {
        let s = LinearScale(domain: (0, 100), range: (400, 0))
        #expect(s(0) == 400)
        #expect(s(25) == 300)
        #expect(s(100) == 0)
        #expect(s.invert(300) == 25)
        #expect(LinearScale(domain: (5, 5), range: (0, 10))(5) == 5)
    }

    @Test func linearNiceAndTicks() {
        let s = LinearScale(domain: (3, 97), range: (0, 1)).nice(count: 10)
        #expect(s.domain == (0, 100))
        #expect(s.ticks(count: 5) == [0, 20, 40, 60, 80, 100])
    }

    @Test func logMapsDecadesEvenly() {
        let s = LogScale(domain: (1, 1000), range: (0, 300))
        #expect(abs(s(10) - 100) < 1e-9)
        #expect(abs(s(100) - 200) < 1e-9)
        #expect(s(0) == 0)
        #expect(LogScale(domain: (0.013, 0.7), range: (0, 1)).nice().domain == (0.01, 1))
    }

    @Test(arguments: [
        (0.01, 1.0, 10, [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0]),
        (1, 1000, 4, [1, 10, 100, 1000]),
        (1, 1_000_000, 5, [1, 100, 10_000, 1_000_000]),
        (2, 8, 6, [2, 3, 4, 5, 6, 7, 8]),
        (0.015, 0.6, 10, [0.02, 0.05, 0.1, 0.2, 0.5]),
    ] as [(Double, Double, Int, [Double])])
    func logTicks(lo: Double, hi: Double, count: Int, expected: [Double]) {
        #expect(LogScale(domain: (lo, hi), range: (0, 1)).ticks(count: count) == expected)
    }
}
