import ArgumentParser
import FlashREPL
import Forecasting
import SaleData
import Scenarios

/// `flashcast whatif INPUT.csv --cutoff T --email WHEN -o scenarios.csv`: what an e-mail (or a
/// discount) would bring, beside the forecast without it.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "What an e-mail campaign or a discount would bring, beside the forecast without it.",
        discussion: """
            INPUT and --cutoff as for 'flashcast forecast' (an orders CSV or a per-minute CSV; a 0-based row or \
            YYYY-MM-DDTHH:MM). The default model forecasts --horizon minutes after the cutoff (default: to \
            --end, the sale's last minute, when given; else the rest of INPUT, or 500 minutes when nothing \
            follows the cutoff; a --horizon past --end is warned about), with a band at each --level; each \
            --email and --discount is then a scenario on that forecast, and with more than one event, all of \
            them together is one more. \
            WHEN is HH:MM (the next such minute after the cutoff) or YYYY-MM-DDTHH:MM in the shop's zone.
            The e-mail's effect: --lift (peak extra rate, 1 is +100%), --half-life and --rise when given; \
            otherwise learned from an earlier e-mail, --history-email WHEN in the --history sale or \
            --learn-email WHEN earlier in this sale (before the cutoff); otherwise a typical e-mail: lift 1, \
            half-life 30, rise 5 minutes. A scenario's band joins the forecast's with how uncertain the \
            e-mail's effect is: a learned effect's estimate and how sends differ (assumed: half to twice, 9 in \
            10), a typical e-mail's a factor 4 either way; a given --lift or --half-life is exact. An e-mail's             scenario starts from the forecast's band calibrated on the sale with its one-off bursts taken out             (the ordinary band keeps room for a campaign nobody announced; the e-mail is carried by its own spread).
            Writes scenario,minute,rate,mean,lower,upper for the baseline and every scenario (cumulative money \
            from the first minute of INPUT; with several levels, --level 0.5,0.8,0.95, lower50,upper50,\
            lower80,upper80,lower95,upper95 as 'flashcast forecast' writes them) atomically, prints each scenario's total at the end, gain over \
            the baseline and main band at the end (and by --by), and with --target the latest minute to send the e-mail to reach it.
            Exit status: 0 fine, 1 bad data or failed forecast, 2 usage error.
            """)

    @Argument(help: ArgumentHelp("Orders CSV or per-minute CSV of the sale.", valueName: "input.csv"))
    var input: String

    @Option(help: ArgumentHelp("Last observed minute: a 0-based row index or YYYY-MM-DDTHH:MM.", valueName: "T"))
    var cutoff: CutoffArgument

    @OptionGroup var events: EventArguments

    @OptionGroup var goal: TargetArgument

    /// The revenue to reach by the end, if given.
    var target: Double? { goal.target }

    @Option(help: ArgumentHelp("Also count totals and gains up to this time.", valueName: "WHEN"))
    var by: EventTime?

    @Option(help: ArgumentHelp("Minutes of training data ending at the cutoff (default 1000).", valueName: "minutes"))
    var train: Int?

    @Option(help: ArgumentHelp("Minutes to forecast (default: to --end, else the rest of INPUT, or 500).", valueName: "minutes"))
    var horizon: Int?

    @OptionGroup var end: SaleEndArgument

    @OptionGroup var levels: LevelArgument

    @OptionGroup var earlier: HistoryArgument

    /// The earlier sale's path, if given.
    var history: String? { earlier.history }

    @Option(help: ArgumentHelp("Seed of the forecast's random choices.", valueName: "seed"))
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "The CSV to write: scenario,minute,rate,mean,lower,upper (lower50,upper50,... with several levels).", valueName: "scenarios.csv"))
    var output: String

    @Option(help: ArgumentHelp("Also draw the comparison chart as SVG.", valueName: "chart.svg"))
    var svg: String?

    @OptionGroup var reading: OrderReadingOptions

    func validate() throws {
        guard !events.isEmpty else { throw ValidationError("give at least one --email or --discount") }
        try events.validate(hasHistory: history != nil)
        if let train, train <= 0 { throw ValidationError("--train must be a positive number of minutes") }
        if let horizon, horizon <= 0 { throw ValidationError("--horizon must be a positive number of minutes") }
        try CommandOutputs.check([("-o", output), ("--svg", svg)], inputs: [("the input", input), ("--history", history)])
    }

    func run() throws {
        let run = try CommandFailure.exitOnError(Self.self, train: train ?? 1000) { try WhatIfRun(self) }
        if let warning = SaleEndArgument.warning(run.saleEnd, mean: run.forecast.mean) { StandardError.write(warning) }
        CommandOutputs.report(run.report(), outputs: [output, svg])
    }
}
