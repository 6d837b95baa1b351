/// A failure of a database order source, worded like a Lua error and free of credentials.
public struct OrderSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, lowercase, names quoted with '...', no trailing period.
    public let message: String
    /// Whether the connection was lost or could not be made (retrying may help).
    public let isConnectionLost: Bool

    /// An error with its message; `connectionLost` marks failures that a retry may cure.
    public init(_ message: String, connectionLost: Bool = false) {
        self.message = message
        self.isConnectionLost = connectionLost
    }

    /// The message.
    public var description: String { message }
}
