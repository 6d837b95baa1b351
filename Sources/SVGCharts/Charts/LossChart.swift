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

    /// Train and validation lines per epoch and a dot at the best validation epoch;
    /// `options.logScale` needs positive losses.
    public func composed(for options: ChartOptions) throws(ChartError) -> Chart {
        try PlotLine(name: "train", values: train).validate("loss")
        if options.logScale && (train + validation).contains(where: { $0.isFinite && $0 <= 0 }) {
            throw ChartError.option("log", "needs positive loss values")
        }
        let epochs = max(train.count, validation.count)
        var chart = Chart(
            kind: "loss chart", xAxis: .counts(title: "epoch"), yTitle: "loss", money: false, zero: .always,
            summary: "training loss over \(epochs) epochs" + (validation.isEmpty ? "" : " with validation loss"),
            layers: [.line(Self.perEpoch("train", train), paint: .palette(0))])
        if !validation.isEmpty { chart.add(.line(Self.perEpoch("validation", validation), paint: .palette(1))) }
        if let best = validation.indices.filter({ validation[$0].isFinite }).min(by: { validation[$0] < validation[$1] }) {
            let text = "best validation \(Currency.none.short(validation[best])) at epoch \(best + 1)"
            chart.add(.dots([(Double(best + 1), validation[best])], label: text, paint: .palette(1), radius: 4.5, onTop: true))
        }
        return chart
    }

    /// Losses placed at epochs 1, 2, 3...
    private static func perEpoch(_ name: String, _ values: [Double]) -> TimedSeries {
        TimedSeries(name: name, startMinute: 1, values: values)
    }
}
