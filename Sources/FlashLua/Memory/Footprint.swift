import Forecasting
import NeuralNet
import SVGCharts
import SaleData
import Scenarios

/// Estimates of the bytes FlashCast's values keep alive, for the objects' `memoryFootprint`
/// (counted against a script's memory cap, and pacing Lua's collector). They count the big
/// buffers (values, weights, text) exactly and give small parts a flat allowance; values that
/// share a buffer (a Series read twice from the same sale) are counted once per object.
enum Footprint {
    /// An object or array header, or a small value such as a status or an event.
    static let small = 64
    /// What a live export keeps per order read: its id and customer in two hash sets.
    static let perOrder = 32
    /// What a live export keeps per minute: its sums and the sets' own headers.
    static let perMinute = 96

    /// `count` numbers of 8 bytes in one array.
    static func numbers(_ count: Int) -> Int { small + count * 8 }

    /// An optional series: nothing when absent.
    static func of(_ series: Series?) -> Int { series.map(\.footprint) ?? 0 }
}

extension Series {
    /// Its values.
    var footprint: Int { Footprint.numbers(count) }
}

extension Matrix {
    /// Its scalars.
    var footprint: Int { Footprint.small + count * MemoryLayout<T>.stride }
}

extension Module {
    /// Parameters with their gradient accumulators, and every layer's last output and input
    /// gradient (a `forward` over many rows keeps them), a dropout layer's mask too. A layer
    /// reached twice (or a network containing itself) counts once.
    var footprint: Int {
        var seen = Set<ObjectIdentifier>()
        return Footprint.small + retainedBytes(seen: &seen)
    }

    private func retainedBytes(seen: inout Set<ObjectIdentifier>) -> Int {
        guard seen.insert(ObjectIdentifier(self)).inserted else { return 0 }
        var scalars = output.count + gradInput.count
        if self is Dropout<T> { scalars += output.count }
        var bytes = 0
        if let network = self as? Sequential<T> {
            for module in network.modules { bytes += module.retainedBytes(seen: &seen) }
        } else {
            forEachParameter { values, _ in scalars += 2 * values.count }
        }
        return bytes + scalars * MemoryLayout<T>.stride
    }
}

extension Model {
    /// The network, its scalers and its loss history.
    var footprint: Int {
        let losses = (history?.trainingLoss.count ?? 0) + (history?.validationLoss.count ?? 0)
        return network.footprint + Footprint.numbers(losses) + 2 * Footprint.small
    }
}

extension Forecast {
    /// The forecast's series, its bands, the actual values, the losses and the baselines' means.
    var footprint: Int {
        let bounds = (bands + burstFreeBands).flatMap { [$0.lower, $0.upper] }
        let series = ([mean, lower, upper, rate, actual] + bounds).reduce(0) { $0 + $1.footprint }
        let losses = Footprint.numbers(loss.training.count + loss.validation.count)
        return series + losses + baselines.reduce(0) { $0 + $1.mean.footprint + Footprint.small }
    }
}

extension Backtest {
    /// Every piece.
    var footprint: Int { Footprint.small + pieces.reduce(0) { $0 + $1.footprint } }
}

extension ScenarioForecast {
    /// Its four series and its baseline's three.
    var footprint: Int {
        [rate, mean, lower, upper, baseline.rate, baseline.lower, baseline.upper].reduce(Footprint.small) { $0 + $1.footprint }
    }
}

extension ScenarioComparison {
    /// The baseline and every scenario.
    var footprint: Int { scenarios.reduce(baseline.footprint) { $0 + $1.footprint } }
}

extension SVGDocument {
    /// The SVG text.
    var footprint: Int { Footprint.small + text.utf8.count }
}

extension Module {
    /// Scalars each input row of `columns` values makes through the network: every layer's output
    /// (and a dropout mask), with `backward` its input gradient too; what `forward` and `fit`
    /// allocate per row.
    func activationScalarsPerRow(columns: Int, backward: Bool) -> Double {
        var seen = Set<ObjectIdentifier>()
        var width = Double(columns)
        return activationScalars(width: &width, perLayer: backward ? 2 : 1, seen: &seen)
    }

    private func activationScalars(width: inout Double, perLayer: Double, seen: inout Set<ObjectIdentifier>) -> Double {
        guard seen.insert(ObjectIdentifier(self)).inserted else { return 0 }
        if let network = self as? Sequential<T> {
            var total = 0.0
            for module in network.modules { total += module.activationScalars(width: &width, perLayer: perLayer, seen: &seen) }
            return total
        }
        if let linear = self as? Linear<T> { width = Double(linear.outputs) }
        return width * (perLayer + (self is Dropout<T> ? 1 : 0))
    }
}
