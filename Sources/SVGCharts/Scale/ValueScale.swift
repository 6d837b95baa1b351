/// A value axis' mapping: linear or logarithmic.
enum ValueScale {
    case linear(LinearScale)
    case log(LogScale)

    /// The pixel position of `value`.
    func callAsFunction(_ value: Double) -> Double {
        switch self {
        case .linear(let s): s(value)
        case .log(let s): s(value)
        }
    }
}
