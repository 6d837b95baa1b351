extension SVGDocument {
    /// The chart as an `<svg>` element to embed in an HTML page beside other charts: without the
    /// XML declaration, and with every id (and each reference to one) prefixed by `prefix-`, so
    /// that two charts' ids (`plot-area`, `chart-title`) never clash on one page.
    public func inlined(idPrefix prefix: String) -> String {
        var body = Substring(text)
        if body.hasPrefix("<?xml"), let end = body.firstIndex(of: "\n") { body = body[body.index(after: end)...] }
        var svg = String(body)
        for id in Self.ids(in: svg) {
            svg = svg.replacing("id=\"\(id)\"", with: "id=\"\(prefix)-\(id)\"")
                .replacing("url(#\(id))", with: "url(#\(prefix)-\(id))")
        }
        return svg.replacing(/aria-labelledby="([^"]*)"/) { match in
            let names = match.output.1.split(separator: " ").map { "\(prefix)-\($0)" }
            return "aria-labelledby=\"\(names.joined(separator: " "))\""
        }
    }

    /// `text` escaped for XML or HTML text and quoted attribute values, as the charts escape theirs.
    public static func escaped(_ text: String) -> String { SVGWriter.escape(text) }

    /// The ids the document defines, in order.
    private static func ids(in svg: String) -> [Substring] {
        svg.matches(of: /\sid="([^"]+)"/).map(\.output.1)
    }
}
