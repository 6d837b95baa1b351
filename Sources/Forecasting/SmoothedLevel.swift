/// The level a series has reached, by simple exponential smoothing (the (A,N,N) model AutoETS
/// fits): each row moves the level by a share `weight` of its surprise, and the weight is the one
/// of `weights` whose one-step-ahead forecasts erred least (squared). A sale whose opening surge is
/// fading is forecast from where it has got to, not from the mean of hours it has left behind.
enum SmoothedLevel {
    /// The smoothing weights tried, from a level that barely moves to one that follows each row.
    static let weights = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]

    /// The level after the last of `values` (nil when empty), started at the mean of the first `start` of them.
    static func level(_ values: ArraySlice<Double>, start: Int) -> Double? {
        guard !values.isEmpty else { return nil }
        let first = values.prefix(max(start, 1))
        let initial = first.reduce(0, +) / Double(first.count)
        var best: (error: Double, level: Double)?
        for weight in weights {
            var level = initial, error = 0.0
            for value in values {
                let surprise = value - level
                error += surprise * surprise
                level += weight * surprise
            }
            if best.map({ error < $0.error }) ?? true { best = (error, level) }
        }
        return best?.level
    }
}
