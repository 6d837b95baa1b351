import ArgumentParser
import Forecasting
import SaleData
import Scenarios

/// `--end WHEN`, the sale's last minute, the same for `flashcast forecast`, `whatif` and `repl`:
/// without `--horizon` the forecast runs to it; a forecast running past it is warned about.
struct SaleEndArgument: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The sale's last minute, HH:MM (the next after the cutoff; for repl, after --now or the current minute) or YYYY-MM-DDTHH:MM: forecast to it.",
        valueName: "WHEN"))
    var end: EventTime?

    /// The sale's last minute (epoch minute) after the cutoff (a clock time is the next one after
    /// it), nil without `--end`; a usage error when it is not after the cutoff's row.
    func minute(after cutoff: Int, in revenue: Series) throws -> Int? {
        guard let end else { return nil }
        let cutoffMinute = revenue.minute(at: cutoff), minute = end.minute(after: cutoffMinute, zone: revenue.zone)
        guard minute >= revenue.minute(at: cutoff + 1) else {
            throw ValidationError("--end \(end.text(zone: revenue.zone)) is not after the cutoff (\(revenue.zone.label(minute: cutoffMinute)))")
        }
        guard minute - cutoffMinute <= ForecastOptions.maximumHorizon else {
            throw ValidationError("--end \(end.text(zone: revenue.zone)) is more than \(ForecastOptions.maximumHorizon) minutes (two years) "
                + "after the cutoff (\(revenue.zone.label(minute: cutoffMinute)))")
        }
        return minute
    }

    /// The minutes from the cutoff to the sale's end, in whole rows up to the one holding its last
    /// minute: the horizon that forecasts to it.
    static func horizon(to saleEnd: Int, cutoff: Int, in revenue: Series) -> Int {
        let step = max(revenue.step, 1)
        return ((saleEnd - revenue.minute(at: cutoff + 1)) / step + 1) * step
    }

    /// Minutes a forecast whose cumulative values are `mean` runs past the sale's end (0 when its
    /// last row holds the end or comes before it, or no end is known).
    static func minutesPast(_ saleEnd: Int?, mean: Series) -> Int {
        guard let saleEnd, mean.count > 0, mean.minute(at: mean.count - 1) > saleEnd else { return 0 }
        return mean.minute(at: mean.count - 1) + mean.step - 1 - saleEnd
    }

    /// The report's line on the sale's end (`the sale ends ...: the forecast runs to it`), or nil without one.
    static func reportLine(_ saleEnd: Int?, mean: Series) -> String? {
        guard let saleEnd else { return nil }
        let past = minutesPast(saleEnd, mean: mean)
        return "the sale ends \(mean.zone.label(minute: saleEnd)): "
            + (past > 0 ? "the forecast runs \(past) minutes past it" : "the forecast runs to it")
    }

    /// The warning for standard error when a forecast runs past the sale's end, or nil.
    static func warning(_ saleEnd: Int?, mean: Series) -> String? {
        let past = minutesPast(saleEnd, mean: mean)
        guard let saleEnd, past > 0 else { return nil }
        return "flashcast: warning: the forecast runs \(past) minutes past the sale's end "
            + "(\(mean.zone.label(minute: saleEnd))); without --horizon, --end forecasts to the end\n"
    }
}
