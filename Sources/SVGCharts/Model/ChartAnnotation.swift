/// A note pinned to a point of the data.
public struct ChartAnnotation: Sendable, Equatable {
    /// Epoch minute of the point.
    public var minute: Int
    /// Value of the point.
    public var value: Double
    /// The note.
    public var text: String

    /// A note `text` at (`minute`, `value`).
    public init(minute: Int, value: Double, text: String) {
        self.minute = minute
        self.value = value
        self.text = text
    }
}
