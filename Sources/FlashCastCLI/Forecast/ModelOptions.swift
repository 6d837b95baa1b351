import ArgumentParser
import Forecasting
import SafeOutput
import SaleData
import SaleReports
import SVGCharts

extension ForecastModel: ExpressibleByArgument {}

/// `--level 0.8` or `--level 0.5,0.8,0.95`.
struct Levels: ExpressibleByArgument {
    let values: [Double]

    init(values: [Double]) { self.values = values }

    init?(argument: String) {
        let values = argument.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingSpaces()) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        self.values = values.compactMap { $0 }
    }

    var defaultValueDescription: String { values.map { String($0) }.joined(separator: ",") }
}

/// `--level`, the same for `flashcast forecast`, `backtest` and `whatif`.
struct LevelArgument: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Probability the prediction interval is meant to hold; several give nested bands (0.5,0.8,0.95), the first is the main one.",
        valueName: "0.8"))
    var level = Levels(values: [0.8])

    func validate() throws {
        guard level.values.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw ValidationError("--level must be between 0 and 1 (0.8 for 80%)")
        }
    }
}

/// What `flashcast forecast` and `backtest` share: the model, the earlier sale, and the outputs.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Forecasting method (\(ForecastModel.allCases.filter(\.needsHistory).map(\.rawValue).joined(separator: ", ")) needs --history).",
        valueName: "model"))
    var model = ForecastModel.flashcast

    @OptionGroup var earlier: HistoryArgument

    /// The earlier sale's path, if given.
    var history: String? { earlier.history }

    @Option(help: ArgumentHelp("Seed of every random choice (network weights, dropout).", valueName: "seed"))
    var seed: UInt64 = 1

    @OptionGroup var levels: LevelArgument

    /// The levels asked for.
    var level: Levels { levels.level }

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "The CSV to write: \(ForecastTable.header).", valueName: "forecast.csv"))
    var output: String

    @Option(help: ArgumentHelp("Also draw the chart as SVG.", valueName: "chart.svg"))
    var svg: String?

    @Flag(help: "Print the metrics as JSON instead of a table.")
    var json = false

    func validate() throws {
        if model.needsHistory, history == nil {
            throw ValidationError("--model \(model.rawValue) needs --history (an earlier sale's orders or minutes)")
        }
    }

    /// Checks that no output is `input`, --history or another output (a usage error); `extra`
    /// are a command's own outputs (`--rate-svg`).
    func checkOutputs(input: String, extra: [(label: String, path: String?)] = []) throws {
        try CommandOutputs.check([("-o", output), ("--svg", svg)] + extra, inputs: [("the input", input), ("--history", history)])
    }

    /// Writes the CSV and the charts (each drawn only when asked for), committed together.
    func write(_ table: ForecastTable, chart: () throws -> SVGDocument,
               extra: [(path: String?, chart: () throws -> SVGDocument)] = []) throws {
        try write(csv: table.csv, chart: chart, extra: extra)
    }

    /// Writes CSV text and the charts (each drawn only when asked for), committed together.
    func write(csv: String, chart: () throws -> SVGDocument,
               extra: [(path: String?, chart: () throws -> SVGDocument)] = []) throws {
        try write(csv: [csv], chart: chart, extra: extra)
    }

    /// Writes CSV text given in parts, one after another, and the charts (each drawn only when asked
    /// for), committed together.
    func write(csv parts: [String], chart: () throws -> SVGDocument,
               extra: [(path: String?, chart: () throws -> SVGDocument)] = []) throws {
        let outputs = OutputSet()
        let file = try outputs.open(output)
        for part in parts { try file.write(part) }
        if let svg { try outputs.add(svg, try chart().text.utf8) }
        for (path, draw) in extra { if let path { try outputs.add(path, try draw().text.utf8) } }
        try outputs.commit()
    }

    /// Prints the command's report (on standard error when an output is `-`).
    func report(_ text: String, extra: [String?] = []) {
        CommandOutputs.report(text, outputs: [output, svg] + extra)
    }

    /// A length in minutes given on the command line, or the default rounded up to whole rows of
    /// the series (1000 minutes on 15-minute rows are 1005).
    static func minutes(_ given: Int?, default minutes: Int, in revenue: Series) -> Int {
        given ?? ForecastOptions.wholeRows(minutes, step: revenue.step)
    }

    /// The earlier sale's per-minute revenue, read with the same options but without the window.
    func earlierSale(_ reading: OrderReadingOptions) throws -> SaleInput? {
        try history.map { try SaleInput.load($0, reading: reading, asHistory: true) }
    }
}
