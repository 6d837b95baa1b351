import Cancellation

/// A chart composed of a frame (axes, titles, legend; the look from `ChartOptions`) and layers.
///
/// ```swift
/// var chart = Chart(kind: "rate chart", yTitle: "revenue per 15 minutes")
/// chart.add(.band(lower: low, upper: high, label: "80% interval", paint: .palette(0)))
/// chart.add(.line(actual, paint: .actual))
/// chart.add(.rule(value: 2e6, label: "target"))
/// try chart.render(options).save(to: "rate.svg")
/// ```
/// Every chart kind (`ForecastChart`, `EarlyWarningChart`...) is a recipe of layers: its
/// `composed()` gives a `Chart` callers can add layers to.
public struct Chart: RenderableChart {
    /// The layers, drawn in order.
    public var layers: [Layer]
    /// The chart kind in words, e.g. `forecast chart`: the `<title>` when the options give none,
    /// and (its first word) the document's kind.
    public var kind: String
    /// The horizontal axis.
    public var xAxis: XAxis
    /// The left axis title (the `ylabel` option overrides it).
    public var yTitle: String
    /// The right axis title, shown when a layer uses the right axis.
    public var y2Title: String
    /// Whether values are money, labelled with the options' currency.
    public var money: Bool
    /// Whether the value axis reaches down (or up) to zero.
    public var zero: ZeroBaseline
    /// The `<desc>` text when the options give none; nil to list the layers.
    public var summary: String?
    /// Small multiples: with a grid, layers naming a panel (`inPanel`) are drawn one frame per panel.
    public var panels: PanelGrid?

    /// The horizontal axis of a chart.
    public enum XAxis: Sendable, Equatable {
        /// Epoch minutes, labelled by the clock in the options' zone (or elapsed minutes).
        case time
        /// Plain whole numbers such as epochs (a series' `startMinute` and `stepMinutes` are its
        /// first position and its step), with the axis title `title`.
        case counts(title: String)
    }

    /// How the value axis treats zero.
    public enum ZeroBaseline: Sendable, Equatable {
        /// Always shows zero (cumulative revenue, bars).
        case always
        /// Shows zero when the data's low is under 40% of its high; otherwise the axis starts near
        /// the data, so differences on large values stay visible.
        case near
        /// Fits the data.
        case never
    }

    /// An empty chart.
    public init(
        kind: String = "layered chart", xAxis: XAxis = .time, yTitle: String = "", y2Title: String = "", money: Bool = true,
        zero: ZeroBaseline = .near, summary: String? = nil, layers: [Layer] = []
    ) {
        self.kind = kind
        self.xAxis = xAxis
        self.yTitle = yTitle
        self.y2Title = y2Title
        self.money = money
        self.zero = zero
        self.summary = summary
        self.layers = layers
    }

    /// The chart itself.
    public func composed(for options: ChartOptions) -> Chart { self }

    /// Adds `layer` on top of the others.
    public mutating func add(_ layer: Layer) { layers.append(layer) }

    /// This chart with `layer` added on top.
    public func adding(_ layer: Layer) -> Chart {
        var copy = self
        copy.add(layer)
        return copy
    }

    /// The chart as SVG: ranges from the layers (or the options' `xFrom`...`yMax`), then the frame, then each layer.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        if let panels, !panelNames.isEmpty { return try renderPanels(panels, options) }
        var (frame, drawn) = try frame(options)
        try ChartError.checkCancellation()
        frame.reservedLabels = drawn.compactMap { content, _ in content.labelBox(on: frame) }
        let document = frame.document(data: { [frame] svg in
            for (content, ink) in drawn where content.placement == .data && !CancellationCheck.isRequested {
                content.draw(&svg, on: frame, ink: ink)
            }
        }, overlay: { [frame] svg in
            for (content, ink) in drawn where content.placement == .overlay { content.draw(&svg, on: frame, ink: ink) }
        })
        try ChartError.checkCancellation()  // a drawing cut short by a cancellation is not returned
        return document
    }

    /// The laid-out frame and the layers to draw on it (clipped to the options' window) with their colours.
    func frame(_ options: ChartOptions) throws(ChartError) -> (frame: ChartFrame, drawn: [(any LayerContent, Ink)]) {
        try options.validate()
        for layer in layers {  // each pass over the layers' values asks between layers whether to stop
            try ChartError.checkCancellation()
            try layer.validate()
        }
        let xRange = try xRange(options)
        let window = options.xFrom != nil || options.xTo != nil ? xRange : nil
        let contents = try layers.map { layer throws(ChartError) -> any LayerContent in
            try ChartError.checkCancellation()
            return window.map { layer.content.clipped(to: $0) } ?? layer.content
        }
        let inks = Self.inks(contents, theme: options.theme)
        let context = MarkerContext(options: options, xRange: xRange)
        let spec = FrameSpec(
            x: xSpec(xRange),
            y: try valueAxis(contents, .left, window, options),
            y2: contents.contains { $0.side == .right } ? try valueAxis(contents, .right, window, options) : nil,
            legend: Self.legend(contents, inks),
            kind: kind,
            summary: summary ?? describe(contents),
            markers: zip(contents, inks).flatMap { $0.markers($1, context) })
        return (ChartFrame.make(spec, options: options), Array(zip(contents, inks)))
    }
}
