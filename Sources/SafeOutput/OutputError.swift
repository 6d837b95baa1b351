#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OutputShim

/// Why an output could not be written, in Lua's style: `cannot write 'out.csv': no space left on device`
/// (a zero byte in the path shown as `\0`).
public struct OutputError: Error, Equatable, CustomStringConvertible {
    /// The path as it was given.
    public let path: String
    /// The reason alone: `no such file or directory`, `it is a symbolic link`.
    public let reason: String
    /// Whether a sandbox refused the output (rather than the system failing to write it).
    public let refused: Bool

    /// Creates an error for `path`.
    public init(path: String, reason: String, refused: Bool = false) {
        self.path = path
        self.reason = reason
        self.refused = refused
    }

    /// `cannot write 'path': reason`, or for a refusal `writing 'path' is not allowed in the sandbox (reason)`.
    public var description: String {
        let shown = PrintableText.escaped(path)
        return refused ? "writing '\(shown)' is not allowed in the sandbox (\(reason))" : "cannot write '\(shown)': \(reason)"
    }

    /// The error for a code returned by the C writer: an `errno` value or an `oshim_Refusal`.
    init(path: String, code: Int32, confine: String? = nil) {
        switch code {
        case OSHIM_REFUSED_OUTSIDE.rawValue:
            self.init(path: path, reason: String(cString: oshim_refusal_reason(code)) + " '\(confine ?? "")'", refused: true)
        case ..<0: self.init(path: path, reason: String(cString: oshim_refusal_reason(code)), refused: true)
        case ECANCELED: self.init(path: path, reason: "cancelled: the process is ending")
        default: self.init(path: path, reason: String(cString: strerror(code)).lowercased())
        }
    }
}
