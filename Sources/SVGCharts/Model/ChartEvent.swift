/// A moment worth marking on a time axis, such as `e-mail` at 14:00.
public struct ChartEvent: Sendable, Equatable {
    /// Epoch minute of the event.
    public var minute: Int
    /// Short label shown above the plot.
    public var label: String

    /// An event at epoch minute `minute`.
    public init(minute: Int, label: String) {
        self.minute = minute
        self.label = label
    }
}
