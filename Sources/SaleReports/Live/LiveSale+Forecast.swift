import Forecasting
import NumberText
import SaleData

/// How a followed sale is forecast and how often the model is trained again.
public struct LiveForecastSettings: Sendable {
    /// The forecasting model.
    public var model = ForecastModel.flashcast
    /// Minutes of training data ending at the latest minute (fewer early in the sale).
    public var train = 1000
    /// Probability the prediction interval is meant to hold.
    public var level = 0.8
    /// Seed of the model's random choices.
    public var seed: UInt64 = 1
    /// Minutes of new data after which the model is trained again.
    public var retrain = 30
    /// Minutes below the lower band that raise the alert.
    public var consecutive = 15
    /// With more than 0, a second forecast is made as of this many minutes before now, so that the
    /// early warning compares the minutes since with its band (a scheduled report trains afresh
    /// each run); the end-of-sale forecast is always made as of now.
    public var lookback = 0

    /// The defaults: the flashcast model on 1000 minutes, an 80% band, trained again every 30 minutes.
    public init() {}
}

/// The forecasts a followed sale keeps between refreshes.
struct KeptForecasts {
    /// The end-of-sale forecast: made at the latest minute, made again after `retrain` new minutes.
    var end: Forecast?
    /// With a lookback, the forecast made that many minutes before now, whose band the minutes
    /// since are checked against (without one, `end` is checked).
    var early: Forecast?
}

extension LiveSale {
    /// Fills the end-of-sale forecast and the alert of `status`, training the kept forecasts anew
    /// when there are none yet or they have aged.
    func updateForecast(_ status: inout LiveStatus, kept: inout KeptForecasts, revenue: Series, minutes: Int?,
                        progress: @escaping @Sendable (Double) -> Void) {
        guard let minutes else {
            status.forecastNote = "unknown: the sale's end is not known (--end TIME or --minutes N)"
            return
        }
        let now = revenue.count - 1
        guard now >= 0 else {
            status.forecastNote = "not yet: no orders so far"
            return
        }
        guard now < minutes - 1 else {
            status.forecastNote = "the sale is over: \(NumberFormat.grouped(status.revenue)) in all"
            return
        }
        let retrained = renew(&kept.end, at: now, after: settings.retrain, revenue: revenue, minutes: minutes, burstFree: true,
                              note: &status.forecastNote, progress: progress)
        if settings.lookback > 0 {
            renew(&kept.early, at: max(now - settings.lookback, 0), after: settings.lookback + settings.retrain,
                  revenue: revenue, minutes: minutes, burstFree: false, note: &status.forecastNote, progress: progress)
        }
        guard let trained = kept.end, let current = trained.carried(to: now, total: status.revenue) else { return }
        let end = (mean: current.mean.values.last ?? 0, lower: current.lower.values.last ?? 0, upper: current.upper.values.last ?? 0)
        status.forecast = LiveStatus.EndForecast(
            total: end.mean, lower: end.lower, upper: end.upper, level: trained.level, model: trained.model.rawValue,
            trainedAt: revenue.label(at: trained.cutoff), retrained: retrained)
        let watched = settings.lookback > 0 ? kept.early : trained
        status.alert = alert(revenue: revenue, watched: watched, endTotal: end.mean, actual: status.revenue)
    }

    /// Trains `forecast` as of row `origin` when there is none, or the kept one was made `age` or
    /// more rows before it (or after it: a replay went back); true when it trained. With
    /// `burstFree`, it calibrates the burst-free bands too (`ForecastOptions.burstFreeBands`), which
    /// a what-if on the end-of-sale forecast that sends a campaign starts from, as `flashcast whatif` does.
    @discardableResult
    private func renew(_ forecast: inout Forecast?, at origin: Int, after age: Int, revenue: Series, minutes: Int,
                       burstFree: Bool, note: inout String?, progress: @escaping @Sendable (Double) -> Void) -> Bool {
        let latest = revenue.count - 1
        guard forecast.map({ latest - $0.cutoff >= age || origin < $0.cutoff }) ?? true else { return false }
        do {
            forecast = try ForecastProgress.listening(progress) {
                try Forecaster.forecast(revenue: revenue.slice(0..<(origin + 1)),
                                        options: options(cutoff: origin, horizon: minutes - 1 - origin, burstFree: burstFree))
            }
            return true
        } catch {
            note = "not yet: \(error)"
            return false
        }
    }

    private func options(cutoff: Int, horizon: Int, burstFree: Bool) -> ForecastOptions {
        var options = ForecastOptions(cutoff: cutoff, train: min(settings.train, cutoff + 1), horizon: horizon, model: settings.model,
                                      history: plan.history, seed: settings.seed, level: settings.level)
        options.burstFreeBands = burstFree
        return options
    }

    /// Below the band: the early warning fired since the `watched` forecast was made and revenue is
    /// still under its lower band now. Below target: the end-of-sale forecast is short of the target.
    private func alert(revenue: Series, watched: Forecast?, endTotal: Double, actual: Double) -> LiveStatus.Alert {
        var parts: [String] = []
        var state = "ok"
        if let watched, let gap = belowBand(revenue: revenue, watched: watched, actual: actual) {
            state = "below_band"
            parts.append("BELOW BAND since \(gap.since): \(NumberFormat.grouped(gap.money)) under the forecast")
        }
        if let target = plan.target, endTotal < target {
            if state == "ok" { state = "below_target" }
            parts.append("BELOW TARGET: forecast \(NumberFormat.grouped(endTotal)) is \(NumberFormat.grouped(target - endTotal)) short")
        }
        return parts.isEmpty ? .none : LiveStatus.Alert(state: state, text: parts.joined(separator: "; "))
    }

    /// When the early warning fired on `watched` and revenue is below its band now: the clock time
    /// it fired and the money between the forecast now and the actual total.
    private func belowBand(revenue: Series, watched: Forecast, actual: Double) -> (since: Substring, money: Double)? {
        let elapsed = revenue.count - 1 - watched.cutoff
        guard elapsed > 0, elapsed <= watched.rows, actual < watched.lower.values[elapsed - 1] else { return nil }
        let fired = (try? EarlyWarning.check(revenue: revenue, forecast: watched, consecutive: settings.consecutive)) ?? []
        guard let warning = fired.first(where: { $0.kind == .belowBand }) else { return nil }
        return (warning.label.suffix(5), watched.mean.values[elapsed - 1] - actual)
    }
}
