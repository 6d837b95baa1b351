/// Small multiples: one panel per group on a shared time axis, in a grid.
///
/// A chart whose `panels` is set and whose layers name panels (`layer.inPanel("DE")`) is drawn as
/// one frame per panel name (in the order the layers first name them), each with its own layers and
/// those naming no panel (a target rule), all on the whole chart's time span so their clocks line up;
/// with `sharedValues` their value axes are the same too.
public struct PanelGrid: Sendable, Equatable {
    /// Panels a row; nil: 1 for one panel, 2 up to four, 3 beyond (fewer when the width leaves a panel
    /// under 320 pixels).
    public var columns: Int?
    /// Whether every panel has the same value axis (compare sizes) or its own (compare shapes).
    public var sharedValues: Bool

    /// A grid of `columns` a row (nil: chosen by the number of panels).
    public init(columns: Int? = nil, sharedValues: Bool = false) {
        self.columns = columns
        self.sharedValues = sharedValues
    }
}

extension Chart {
    /// The panels' names, in the order the layers first name them.
    var panelNames: [String] {
        var names: [String] = []
        for case let name? in layers.map(\.panel) where !names.contains(name) { names.append(name) }
        return names
    }

    /// The small multiples as one document: the options' title and subtitle (by default the value axis'
    /// title) over the grid, each panel a chart of the options' look titled by its name, without a value
    /// axis title, the first row's with the legend and the last row's with the time axis title.
    func renderPanels(_ grid: PanelGrid, _ options: ChartOptions) throws(ChartError) -> SVGDocument {
        try options.validate()
        if let columns = grid.columns, columns < 1 { throw ChartError.option("columns", "must be at least 1") }
        let names = panelNames
        let minimumWidth = 320.0, minimumHeight = 200.0
        let fitting = max(1, Int(options.width / minimumWidth))
        let columns = min(grid.columns ?? (names.count <= 1 ? 1 : names.count <= 4 ? 2 : 3), fitting, names.count)
        let rows = (names.count + columns - 1) / columns
        let metrics = FrameMetrics(fontSize: options.fontSize)
        var options = options
        if options.subtitle.isEmpty { options.subtitle = options.yLabel ?? yTitle }
        let heading = metrics.titleBlockHeight(options)
        let top = heading > 0 ? heading + metrics.pad : 0
        let panelWidth = (options.width / Double(columns)).rounded(.down)
        let panelHeight = max(minimumHeight, (options.height - top) / Double(rows))
        let height = top + panelHeight * Double(rows)
        var panelOptions = options
        (panelOptions.width, panelOptions.height, panelOptions.subtitle, panelOptions.summary) = (panelWidth, panelHeight, "", nil)
        panelOptions.yLabel = ""
        let span = try xRange(options)
        (panelOptions.xFrom, panelOptions.xTo) = (span.lowerBound, span.upperBound)
        if grid.sharedValues {
            let contents = layers.map { $0.content.clipped(to: span) }
            let axis = try valueAxis(contents, .left, span, options)
            (panelOptions.yMin, panelOptions.yMax) = (options.yMin ?? axis.lo, options.yMax ?? axis.hi)
        }
        var svg = SVGWriter()
        svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": .number(options.width), "height": .number(height),
            "viewBox": .string("0 0 \(DecimalFormat.coordinate(options.width)) \(DecimalFormat.coordinate(height))"),
            "role": "img", "aria-labelledby": "chart-title chart-desc",
            "font-family": "DejaVu Sans, Verdana, Arial, sans-serif",
        ])
        let title = options.title.isEmpty ? kind.prefix(1).uppercased() + kind.dropFirst() : options.title
        svg.textElement("title", ["id": "chart-title"], title)
        svg.textElement("desc", ["id": "chart-desc"], options.summary ?? summary
                            ?? "\(kind) in \(names.count) panels on one time axis: \(names.joined(separator: ", "))")
        svg.element("rect", ["width": .number(options.width), "height": .number(height), "fill": .string(options.theme.background)])
        var baseline = metrics.pad + metrics.titleFont * 0.8
        if !options.title.isEmpty {
            svg.textElement("text", ["x": .number(metrics.pad), "y": .number(baseline), "font-size": .number(metrics.titleFont),
                                     "fill": .string(options.theme.text), "font-weight": "bold"], options.title)
            baseline += metrics.subtitleFont * 1.55
        }
        if !options.subtitle.isEmpty {
            svg.textElement("text", ["x": .number(metrics.pad), "y": .number(baseline), "font-size": .number(metrics.subtitleFont),
                                     "fill": .string(options.theme.mutedText)], options.subtitle)
        }
        for (index, name) in names.enumerated() {
            try ChartError.checkCancellation()
            var chart = self
            chart.panels = nil
            chart.summary = nil
            chart.layers = layers.filter { $0.panel == nil || $0.panel == name }
            var own = panelOptions
            own.title = name
            if index >= columns { own.legend = .none }
            if index < names.count - columns { own.xLabel = "" }
            let x = panelWidth * Double(index % columns), y = top + panelHeight * Double(index / columns)
            let panel = try chart.render(own).inlined(idPrefix: "panel\(index + 1)")
            let placed = panel.replacing("<svg ", with: "<svg x=\"\(DecimalFormat.coordinate(x))\" y=\"\(DecimalFormat.coordinate(y))\" ",
                                         maxReplacements: 1)
            svg.line(placed.hasSuffix("\n") ? String(placed.dropLast()) : placed)
        }
        svg.close("svg")
        return SVGDocument(kind: String(kind.split(separator: " ").first ?? ""), width: options.width, height: height, text: svg.text)
    }
}
