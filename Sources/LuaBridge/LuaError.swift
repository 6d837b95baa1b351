/// A failure a Swift function reports to Lua; the C trampoline raises it once Swift has returned.
///
/// Messages follow Lua's conventions: lowercase, names quoted with '...', no trailing period.
public enum LuaError: Error, Equatable, CustomStringConvertible {
    /// Raised as `bad argument #position to 'name' (message)`, worded by Lua itself.
    case argument(position: Int32, message: String)
    /// Raised as `chunk:line: message`, like `error(message)` in Lua.
    case message(String)
    /// The error value is on top of the Lua stack (from a failed callback) and is raised unchanged.
    case propagate

    /// The `(Series expected, got table)` argument error for a value of the wrong type.
    public static func typeMismatch(position: Int32, expected: String, got: String) -> LuaError {
        .argument(position: position, message: "\(expected) expected, got \(got)")
    }

    /// The message as the user will read it, without position.
    public var description: String {
        switch self {
        case .argument(let position, let message): "bad argument #\(position) (\(message))"
        case .message(let message): message
        case .propagate: "error object on the Lua stack"
        }
    }
}

/// An error raised while running Lua code from the host: a syntax error, a runtime error or lack of memory.
public struct LuaScriptError: Error, CustomStringConvertible {
    /// What kind of failure Lua reported.
    public enum Kind: Sendable, Equatable {
        case syntax, runtime, memory, handler
    }

    /// What kind of failure Lua reported.
    public let kind: Kind
    /// The error message, as `file:line: message` when Lua knew the position.
    public let message: String
    /// Lua's stack traceback at the point of the error, when one was taken.
    public let traceback: String?

    /// Creates an error from its parts.
    public init(kind: Kind, message: String, traceback: String? = nil) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
    }

    /// The message followed by the traceback, as the `lua` program prints it.
    public var description: String {
        guard let traceback else { return message }
        return message + "\n" + traceback
    }
}
