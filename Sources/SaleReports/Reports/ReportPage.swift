import SVGCharts

/// The scheduled report as one self-contained web page: its verdict, the status block, every chart
/// inline (SVG scaled to the screen's width, so a phone shows it whole) with its caption, and links
/// to the tables. With `refreshSeconds` the browser reloads the page, for a screen watching a live sale.
public struct ReportPage: Sendable {
    /// A chart on the page and what it shows.
    public struct Figure: Sendable {
        /// The rendered chart.
        public var chart: SVGDocument
        /// One line under the chart.
        public var caption: String

        /// A chart with its caption.
        public init(chart: SVGDocument, caption: String) {
            self.chart = chart
            self.caption = caption
        }
    }

    /// The page's heading and the browser's title.
    public var title: String
    /// One line saying what to do (or that all is well), shown first.
    public var verdict: String
    /// True when the verdict is an alert: it is shown in the alert colour.
    public var alert: Bool
    /// The status block, shown as written (one fact a line, aligned).
    public var status: String
    /// The charts, in order.
    public var figures: [Figure]
    /// Files linked at the end (the CSV tables), by their relative paths.
    public var tables: [String]
    /// Seconds after which the browser reloads the page; nil for a page that stays as it is.
    public var refreshSeconds: Int?

    /// A page with its verdict, status block, charts and links.
    public init(title: String, verdict: String, alert: Bool, status: String, figures: [Figure], tables: [String] = [],
                refreshSeconds: Int? = nil) {
        self.title = title
        self.verdict = verdict
        self.alert = alert
        self.status = status
        self.figures = figures
        self.tables = tables
        self.refreshSeconds = refreshSeconds
    }

    /// The page as HTML: no script, no file or address outside it but the linked tables.
    public var html: String {
        var lines = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        ]
        if let refreshSeconds { lines.append("<meta http-equiv=\"refresh\" content=\"\(refreshSeconds)\">") }
        lines += ["<title>\(escaped(title))</title>", "<style>\(Self.style)</style>", "</head>", "<body>"]
        lines.append("<h1>\(escaped(title))</h1>")
        lines.append("<p class=\"\(alert ? "verdict alert" : "verdict")\">\(escaped(verdict))</p>")
        lines.append("<pre class=\"status\">\(escaped(status))</pre>")
        for (index, figure) in figures.enumerated() {
            lines.append("<figure>")
            lines.append(figure.chart.inlined(idPrefix: "chart\(index + 1)").trimmingSuffix("\n"))
            lines.append("<figcaption>\(escaped(figure.caption))</figcaption>")
            lines.append("</figure>")
        }
        if !tables.isEmpty {
            let links = tables.map { "<a href=\"\(escaped($0))\">\(escaped($0))</a>" }
            lines.append("<p class=\"tables\">Tables: \(links.joined(separator: ", "))</p>")
        }
        if let refreshSeconds {
            lines.append("<p class=\"refresh\">This page reloads every \(refreshSeconds) s.</p>")
        }
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func escaped(_ text: String) -> String { SVGDocument.escaped(text) }

    /// Readable from a phone's width up: the charts scale to the column, the status block's lines
    /// wrap on a narrow screen.
    static let style = """
        body{margin:0 auto;max-width:860px;padding:12px;font-family:system-ui,-apple-system,\
        "Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;line-height:1.4}\
        h1{font-size:1.4em;margin:0.2em 0 0.5em}\
        .verdict{padding:8px 12px;border-left:5px solid #2e7d32;background:#edf7ee;font-weight:600}\
        .verdict.alert{border-color:#c62828;background:#fdecea;color:#8e1b1b}\
        .status{white-space:pre-wrap;background:#f5f5f5;padding:8px 12px;font-size:13px}\
        figure{margin:18px 0}svg{display:block;width:100%;height:auto}\
        figcaption{color:#555;font-size:0.9em;margin-top:4px}.refresh{color:#777;font-size:0.8em}
        """
}

extension String {
    /// The string without one trailing `suffix`.
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
