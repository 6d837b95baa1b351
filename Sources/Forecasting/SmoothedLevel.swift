/// The level a series has reached, by simple exponential smoothing (the (A,N,N) model AutoETS
/// fits): each row moves the level by a share `weight` of its surprise, and the weight is the one
/// of `weights` whose one-step-ahead forecasts erred least (squared). A sale whose opening surge is
/// fading is forecast from where it has got to, not from the mean of hours it has left behind.
enum SmoothedLevel {
    /// The smoothing weights tried, from a level that barely moves to one that follows each row.
    static let weights = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]

    /// The level after the last of `values` (nil when empty), started at the mean of the first `start` of them.
    /// Every weight's level and error run side by side over the values in one pass (each is a
    /// chain of additions that waits for the one before: nine chains together take about the time
    /// of one), with the same additions in the same order as one weight at a time; the least
    /// error wins, the first on ties.
    static func level(_ values: ArraySlice<Double>, start: Int) -> Double? {
        guard !values.isEmpty else { return nil }
        return levels(values, start: start, from: values.endIndex - 1).last
    }

    /// `level` of every prefix of `values` that ends at index `from` or later (in order), from one
    /// pass: each weight's level and error after a prefix are those a pass over that prefix alone
    /// ends with, where it holds at least `start` values (the mean started on is then the same).
    static func levels(_ values: ArraySlice<Double>, start: Int, from: Int) -> [Double] {
        guard !values.isEmpty else { return [] }
        let first = values.prefix(max(start, 1))
        let initial = first.reduce(0, +) / Double(first.count)
        var levels = Array(repeating: initial, count: weights.count), errors = Array(repeating: 0.0, count: weights.count)
        var result: [Double] = []
        result.reserveCapacity(max(values.endIndex - from, 0))
        levels.withUnsafeMutableBufferPointer { levels in
            errors.withUnsafeMutableBufferPointer { errors in
                weights.withUnsafeBufferPointer { weights in
                    for index in values.indices {
                        let value = values[index]
                        for weight in weights.indices {
                            let surprise = value - levels[weight]
                            errors[weight] += surprise * surprise
                            levels[weight] += weights[weight] * surprise
                        }
                        guard index >= from else { continue }
                        var best = 0
                        for weight in weights.indices.dropFirst() where errors[weight] < errors[best] { best = weight }
                        result.append(levels[best])
                    }
                }
            }
        }
        return result
    }
}
