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
            e-mail's effect is: a learned effect's estimate and how sends differ (assumed: half to twice the \
            extra revenue, 9 in 10), a typical e-mail's a factor 4 either way; a given --lift or --half-life is exact. An \
            e-mail's scenario starts from the forecast's band calibrated on the sale with its one-off bursts \
            taken out (the ordinary band keeps room for a campaign nobody announced; the e-mail is carried by \
            its own spread).
            Writes scenario,minute,rate,mean,lower,upper for the baseline and every scenario (cumulative money \
            from the first minute of INPUT; with several levels, --level 0.5,0.8,0.95, lower50,upper50,\
            lower80,upper80,lower95,upper95 as 'flashcast forecast' writes them) atomically, prints each scenario's total at the end, gain over \
            the baseline and main band at the end (and by --by WHEN), and with --target the latest minute to send the e-mail to reach it.
            --by country (an orders CSV; --max-groups, --zones, --history as for 'flashcast forecast --by') forecasts the \
            total and every group, reconciled as 'flashcast forecast --by' does (--reconciliation, --origins), and tries \
            every scenario on each group (--groups US,DE: only on those; the others keep their baseline) and on the \
            total so that they add up: the total's rate is its baseline's plus every group's extra, its bands its \
            baseline's moved by that extra. The CSV gains a first column, group: '(total)', then each group (every minute \
            labelled in the shop's zone, --zones or not); the report \
            gives the total's scenarios and each group's gains; --svg draws the total. --by takes a time and a column \
            together (--by country --by 18:00).
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

    @Option(help: ArgumentHelp("A time: also count totals and gains up to it; a column (country...): the same for every group "
                                   + "and the total (repeat for both).", valueName: "WHEN|column"))
    var by: [WhatIfBy] = []

    /// The time totals and gains are also counted by, if given.
    var byTime: EventTime? {
        by.lazy.compactMap { if case .time(let time) = $0 { time } else { nil } }.first
    }

    /// The column the orders are broken down by, if given.
    var byColumn: String? {
        by.lazy.compactMap { if case .column(let column) = $0 { column } else { nil } }.first
    }

    @OptionGroup var groupSettings: GroupSettings

    @OptionGroup var grouped: ReconciliationArguments

    @Option(help: ArgumentHelp("With --by column: try the events on these groups only (the others keep their baseline).",
                               valueName: "US,DE"))
    var groups: GroupNames?

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
        if by.count > 2 || by.count == 2 && (byTime == nil || byColumn == nil) {
            throw ValidationError("--by takes one time and one column at most")
        }
        if byColumn == nil, !groupSettings.isDefault || groups != nil { throw ValidationError("--max-groups, --zones and --groups go with --by column") }
        try grouped.validate(grouped: byColumn != nil)
        try events.validate(hasHistory: history != nil)
        if let train, train <= 0 { throw ValidationError("--train must be a positive number of minutes") }
        if let horizon, horizon <= 0 { throw ValidationError("--horizon must be a positive number of minutes") }
        try CommandOutputs.check([("-o", output), ("--svg", svg)], inputs: [("the input", input), ("--history", history)])
    }

    func run() throws {
        if let column = byColumn {
            let run = try CommandFailure.exitOnError(Self.self, train: train ?? 1000) {
                try GroupWhatIfRun(self, grouping: groupSettings.grouping(by: column))
            }
            if let warning = SaleEndArgument.warning(run.saleEnd, mean: run.result.total.mean) { StandardError.write(warning) }
            return CommandOutputs.report(run.report(), outputs: [output, svg])
        }
        let run = try CommandFailure.exitOnError(Self.self, train: train ?? 1000) { try WhatIfRun(self) }
        if let warning = SaleEndArgument.warning(run.saleEnd, mean: run.forecast.mean) { StandardError.write(warning) }
        CommandOutputs.report(run.report(), outputs: [output, svg])
    }
}
