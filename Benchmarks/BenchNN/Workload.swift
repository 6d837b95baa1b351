import Foundation
import NeuralNet

/// The paper's configuration: 1000 minutes of a cumulative series, windows of 60 -> the next value.
struct Workload {
    static let samples = 1000
    static let window = 60
    static let hidden = 64
    static let dropout = 0.2

    /// A smooth, growing cumulative series, min-max scaled to [0, 1] (peers.py computes the same).
    static func series() -> [Double] {
        let raw = (0..<samples).map { t -> Double in
            let x = Double(t)
            return x + 40 * sin(x / 50) + 10 * sin(x / 7)
        }
        let low = raw.min() ?? 0, high = raw.max() ?? 1
        return raw.map { ($0 - low) / (high - low) }
    }

    /// The 940 windows and their next values.
    static func windows<T: NNScalar>(_: T.Type) throws -> (inputs: Matrix<T>, targets: Matrix<T>) {
        let values = series()
        let count = samples - window
        var inputs: [T] = []
        var targets: [T] = []
        for start in 0..<count {
            inputs += values[start..<start + window].map { T($0) }
            targets.append(T(values[start + window]))
        }
        return (
            try Matrix(rows: count, columns: window, scalars: inputs),
            try Matrix(rows: count, columns: 1, scalars: targets)
        )
    }

    /// `Sequential(Linear(60 -> 64), ReLU, Dropout(0.2), Linear(64 -> 1))`.
    static func network<T: NNScalar>(_: T.Type) throws -> Sequential<T> {
        try Sequential<T>()
            .add(try Linear(window, hidden, seed: 1))
            .add(ReLU())
            .add(try Dropout(dropout))
            .add(try Linear(hidden, 1, seed: 2))
    }

    /// Floating-point operations of one epoch: for each training row the two layers forward,
    /// their weight gradients and the hidden layer's gradient; for each validation row forward.
    static func flopsPerEpoch(trainingRows: Int, validationRows: Int) -> Double {
        let forward = 2.0 * Double(window * hidden + hidden)
        let backward = 2.0 * Double(window * hidden + hidden) + 2.0 * Double(hidden)
        return Double(trainingRows) * (forward + backward) + Double(validationRows) * forward
    }
}
