import NumberText

/// Writes SVG elements into a string: escaping, attribute order and number format fixed,
/// so the same drawing always gives the same bytes.
struct SVGWriter {
    private(set) var text = ""
    private var depth = 0

    /// An attribute value: text, or a number written as an SVG coordinate.
    enum Value: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
        case string(String)
        case number(Double)
        /// A number with three decimals, for opacities.
        case fraction(Double)
        init(stringLiteral value: String) { self = .string(value) }
        init(floatLiteral value: Double) { self = .number(value) }
        init(integerLiteral value: Int) { self = .number(Double(value)) }

        var rendered: String {
            switch self {
            case .string(let s): SVGWriter.escape(s)
            case .number(let n): DecimalFormat.coordinate(n)
            case .fraction(let n): NumberFormat.trimmed(n, decimals: 3)
            }
        }
    }

    /// `<name a="v" .../>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, Value>) {
        line("<\(name)\(Self.render(attributes))/>")
    }

    /// `<name ...>` and increases the indentation until `close`.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, Value> = [:]) {
        line("<\(name)\(Self.render(attributes))>")
        depth += 1
    }

    /// `</name>`.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// `<name ...>content</name>` with `content` escaped.
    mutating func textElement(_ name: String, _ attributes: KeyValuePairs<String, Value>, _ content: String) {
        line("<\(name)\(Self.render(attributes))>\(Self.escape(content))</\(name)>")
    }

    /// `textElement` with attributes collected at run time.
    mutating func textElement(_ name: String, _ attributes: [(key: String, value: Value)], _ content: String) {
        line("<\(name)\(Self.render(attributes))>\(Self.escape(content))</\(name)>")
    }

    /// A raw line such as the XML declaration.
    mutating func line(_ raw: String) {
        text += String(repeating: " ", count: depth) + raw + "\n"
    }

    private static func render<S: Sequence<(key: String, value: Value)>>(_ attributes: S) -> String {
        attributes.map { " \($0.key)=\"\($0.value.rendered)\"" }.joined()
    }

    /// `text` safe inside XML text and quoted attributes; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v >= 0x20 && v != 0xFFFE && v != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
