/// A followed sale whose given end comes before its first order: its progress would read
/// "minute 3481 of 1", so the refresh refuses it instead.
public struct LiveSaleEndError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The end given, as a label in the shop's zone.
    public let end: String
    /// The sale's first order's minute, as a label in the shop's zone.
    public let firstOrder: String

    public var description: String { "the sale's end \(end) is before its first order at \(firstOrder)" }
}
