/// A value bound to a statement parameter, never spliced into SQL text.
public enum SQLValue: Sendable, Equatable {
    /// A string.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// A number with a fraction or an exponent.
    case real(Double)
    /// `true` or `false`.
    case boolean(Bool)

    /// The value as PostgreSQL reads a parameter of unspecified type (the server infers the type).
    var postgresText: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .boolean(let value): return value ? "true" : "false"
        }
    }
}
