import Foundation
import SVGCharts

/// Deterministic sample data: a six-hour flash sale starting Monday 20 May 2024, 13:00 UTC.
enum Fixtures {
    /// 2024-05-20 13:00 UTC in minutes since the epoch.
    static let saleStart = 28_603_500
    static let minutes = 360
    static let axis = TimeAxis(startMinute: saleStart)

    /// Repeatable noise in [-1, 1] from a linear congruential generator.
    static func noise(count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    /// Revenue per minute: an opening rush, a steady tail and the bump after the 14:00 e-mail.
    static let perMinute: [Double] = {
        let jitter = noise(count: minutes, seed: 7)
        return (0..<minutes).map { t in
            let m = Double(t)
            let shape = 900 * exp(-m / 50) + 260 + 420 * exp(-pow((m - 72) / 14, 2))
            return (shape * (1 + 0.18 * jitter[t])).rounded()
        }
    }()

    /// Cumulative revenue.
    static let cumulative: [Double] = perMinute.reduce(into: []) { $0.append(($0.last ?? 0) + $1) }

    /// The expected per-minute revenue without noise, for forecasts.
    static func expectedRate(_ t: Int) -> Double {
        let m = Double(t)
        return 900 * exp(-m / 50) + 260 + 420 * exp(-pow((m - 72) / 14, 2))
    }

    /// A forecast from `cutoff` for `horizon` minutes continuing `cumulative`, with a band that
    /// widens with the square root of the horizon.
    static func forecast(cutoff: Int, horizon: Int, bias: Double = 1) -> (mean: [Double], lower: [Double], upper: [Double]) {
        var level = cutoff > 0 ? cumulative[cutoff - 1] : 0
        var mean: [Double] = [], lower: [Double] = [], upper: [Double] = []
        for h in 0..<horizon {
            level += expectedRate(cutoff + h) * bias
            let spread = 260 * Double(h + 1).squareRoot() * 1.28
            mean.append(level.rounded())
            lower.append((level - spread).rounded())
            upper.append((level + spread).rounded())
        }
        return (mean, lower, upper)
    }
}
