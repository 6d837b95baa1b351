import Cancellation

/// A problem the caller can fix: a bad option, inconsistent data, or a file that cannot be written.
///
/// Messages read like Lua's: lowercase, names quoted with '...', no trailing period.
public struct ChartError: Error, Equatable, CustomStringConvertible {
    /// The message, e.g. `option 'width' must be a positive number`.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// `band 'label'`, or just `band` without a label: how messages name a layer.
    static func layer(_ kind: String, _ label: String) -> String {
        label.isEmpty ? kind : "\(kind) '\(label)'"
    }

    /// A drawing stopped because its caller asked (`CancellationCheck`: a Ctrl-C, a timeout).
    public static let cancelled = ChartError("cancelled")

    /// Throws ``cancelled`` when the caller has asked the drawing to stop.
    static func checkCancellation() throws(ChartError) {
        if CancellationCheck.isRequested { throw cancelled }
    }

    /// `option 'name' must be ...`.
    static func option(_ name: String, _ requirement: String) -> ChartError {
        ChartError("option '\(name)' \(requirement)")
    }
}
