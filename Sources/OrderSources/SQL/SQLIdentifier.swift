/// A table or column name that is a plain identifier, so that it can be quoted safely.
///
/// Plain means ASCII letters, digits and `_`, not starting with a digit, at most 63 characters
/// (PostgreSQL's limit); a table may be qualified by one schema (`sales.orders`). Anything else
/// is refused rather than escaped, so no name can carry SQL.
public struct SQLIdentifier: Sendable, Equatable, CustomStringConvertible {
    /// The name's parts: one, or schema and table.
    public let parts: [String]

    /// Longest identifier PostgreSQL keeps without truncating it.
    static let maxLength = 63

    /// Validates a name; `qualified` allows a `schema.name` form; `role` names it in errors.
    public init(_ text: String, role: String, qualified: Bool = false) throws(OrderSourceError) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 1 || (qualified && parts.count == 2), parts.allSatisfy(Self.isPlain) else {
            throw OrderSourceError("bad \(role) name '\(text)' (plain identifier expected: letters, digits"
                + " and '_', not starting with a digit)")
        }
        self.parts = parts
    }

    /// Whether a single name part is a plain identifier.
    static func isPlain(_ part: String) -> Bool {
        guard let first = part.utf8.first, part.utf8.count <= maxLength, !(48...57).contains(first) else {
            return false
        }
        return part.utf8.allSatisfy { byte in
            (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 95
        }
    }

    /// The name double-quoted for SQL (`"sales"."orders"`); safe because parts hold no quote.
    public var quoted: String { parts.map { "\"\($0)\"" }.joined(separator: ".") }

    /// The name as given.
    public var description: String { parts.joined(separator: ".") }
}
