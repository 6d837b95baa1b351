/// Training and validation loss per epoch, optionally on a log scale, with the best validation
/// epoch marked (the paper's Figure 3).
public struct LossChart: RenderableChart {
    /// Training loss, one value per epoch starting at epoch 1.
    public var train: [Double]
    /// Validation loss per epoch; may be empty.
    public var validation: [Double]

    /// A loss chart.
    public init(train: [Double], validation: [Double] = []) {
        self.train = train
        self.validation = validation
    }

    /// The chart as SVG; `options.logScale` puts the loss on a log axis.
    public func render(_ options: ChartOptions = ChartOptions()) throws(ChartError) -> SVGDocument {
        try options.validate()
        try PlotLine(name: "train", values: train).validate("loss")
        if options.logScale && (train + validation).contains(where: { $0.isFinite && $0 <= 0 }) {
            throw ChartError.option("log", "needs positive loss values")
        }
        let theme = options.theme
        let epochs = max(train.count, validation.count)
        var y = ValueAxis.covering([train, validation], title: "loss", money: false, includeZero: !options.logScale)
        y.log = options.logScale
        var legend = [LegendEntry(label: "train", color: theme.color(0), swatch: .line(dashed: false))]
        if !validation.isEmpty {
            legend.append(LegendEntry(label: "validation", color: theme.color(1), swatch: .line(dashed: false)))
        }
        let best = validation.indices.filter { validation[$0].isFinite }.min { validation[$0] < validation[$1] }
        if let best {
            let text = "best validation \(Currency.none.short(validation[best])) at epoch \(best + 1)"
            legend.append(LegendEntry(label: text, color: theme.color(1), swatch: .dot))
        }
        let spec = FrameSpec(
            x: .numbers(ValueAxis(lo: 1, hi: Double(max(epochs, 2)), title: "epoch", integer: true)),
            y: y, y2: nil, legend: legend, kind: "loss chart",
            summary: "training loss over \(epochs) epochs" + (validation.isEmpty ? "" : " with validation loss"))
        let frame = ChartFrame.make(spec, options: options)
        let xs = (1...epochs).map(Double.init)
        return frame.document(data: { svg in
            frame.drawLines(&svg, frame.polylines(xs, train), color: theme.color(0))
            frame.drawLines(&svg, frame.polylines(xs, validation), color: theme.color(1))
        }, overlay: { svg in
            guard let best else { return }
            frame.drawDot(&svg, Point(x: frame.x(Double(best + 1)), y: frame.y(validation[best])), color: theme.color(1), radius: 4.5)
        })
    }
}
