import ArgumentParser
import Forecasting
import SaleData
import SVGCharts
import SafeOutput

extension ForecastModel: ExpressibleByArgument {}

/// What `flashcast forecast` and `backtest` share: the model, the earlier sale, and the outputs.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Forecasting method (profile needs --history).", valueName: "model"))
    var model = ForecastModel.flashcast

    @Option(help: ArgumentHelp(
        "An earlier, similar sale (orders CSV or per-minute CSV), aligned with this one by minutes since the start.",
        valueName: "previous.csv"))
    var history: String?

    @Option(help: ArgumentHelp("Seed of every random choice (network weights, dropout).", valueName: "seed"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Probability the prediction interval is meant to hold.", valueName: "0.8"))
    var level = 0.8

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "The CSV to write: cutoff,minute,step,actual,forecast,lower,upper.", valueName: "forecast.csv"))
    var output: String

    @Option(help: ArgumentHelp("Also draw the chart as SVG.", valueName: "chart.svg"))
    var svg: String?

    @Flag(help: "Print the metrics as JSON instead of a table.")
    var json = false

    func validate() throws {
        guard level > 0, level < 1 else { throw ValidationError("--level must be between 0 and 1 (0.8 for 80%)") }
        if model.needsHistory, history == nil {
            throw ValidationError("--model \(model.rawValue) needs --history (an earlier sale's orders or minutes)")
        }
    }

    /// Checks that neither output is `input`, --history or the other output (a usage error).
    func checkOutputs(input: String) throws {
        try CommandOutputs.check([("-o", output), ("--svg", svg)], inputs: [("the input", input), ("--history", history)])
    }

    /// Writes the CSV and the chart (drawn only when asked for), committed together.
    func write(_ table: ForecastTable, chart: () throws -> SVGDocument) throws {
        let outputs = OutputSet()
        try outputs.add(output, table.csv.utf8)
        if let svg { try outputs.add(svg, try chart().text.utf8) }
        try outputs.commit()
    }

    /// Prints the command's report (on standard error when an output is `-`).
    func report(_ text: String) {
        CommandOutputs.report(text, outputs: [output, svg])
    }

    /// The earlier sale's per-minute revenue, read with the same options but without the window.
    func earlierSale(_ reading: OrderReadingOptions) throws -> SaleInput? {
        try history.map { try SaleInput.load($0, reading: reading, asHistory: true) }
    }
}
