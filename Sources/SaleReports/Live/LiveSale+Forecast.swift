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
    /// Forecasts are made as of this many minutes before now, so that the early warning compares
    /// the minutes since with the forecast's band (a scheduled report trains afresh each run).
    public var lookback = 0

    /// The defaults: the flashcast model on 1000 minutes, an 80% band, trained again every 30 minutes.
    public init() {}
}

extension LiveSale {
    /// Fills the end-of-sale forecast and the alert of `status`, training a new `forecast` when
    /// there is none yet or the kept one is `retrain` minutes old.
    func updateForecast(_ status: inout LiveStatus, kept forecast: inout Forecast?, revenue: Series, minutes: Int?,
                        progress: @escaping @Sendable (Double) -> Void) {
        guard let minutes else {
            status.forecastNote = "unknown: the sale's end is not known (--end TIME or --minutes N)"
            return
        }
        let cutoff = revenue.count - 1
        guard cutoff >= 0 else {
            status.forecastNote = "not yet: no orders so far"
            return
        }
        guard cutoff < minutes - 1 else {
            status.forecastNote = "the sale is over: \(NumberFormat.grouped(status.revenue)) in all"
            return
        }
        var retrained = false
        let age = settings.lookback + settings.retrain
        if forecast.map({ cutoff - $0.cutoff >= age || cutoff < $0.cutoff }) ?? true {
            let origin = max(cutoff - settings.lookback, 0)
            do {
                forecast = try ForecastProgress.listening(progress) {
                    try Forecaster.forecast(revenue: revenue.slice(0..<(origin + 1)),
                                            options: options(cutoff: origin, horizon: minutes - 1 - origin))
                }
                retrained = true
            } catch {
                status.forecastNote = "not yet: \(error)"
            }
        }
        guard let kept = forecast, cutoff - kept.cutoff <= kept.rows else { return }
        // Between trainings the kept forecast moves with the actuals: its gain from now to the end stays.
        let elapsed = cutoff - kept.cutoff
        let expectedNow = elapsed == 0 ? kept.observedTotal : kept.mean.values[elapsed - 1]
        let shift = status.revenue - expectedNow
        let end = EndTotals(mean: kept.mean.values, lower: kept.lower.values, upper: kept.upper.values, shift: shift)
        status.forecast = LiveStatus.EndForecast(
            total: end.mean, lower: end.lower, upper: end.upper, level: kept.level, model: kept.model.rawValue,
            trainedAt: revenue.label(at: kept.cutoff), retrained: retrained)
        status.alert = alert(revenue: revenue, kept: kept, expectedNow: expectedNow, endTotal: end.mean,
                             actual: status.revenue)
    }

    private func options(cutoff: Int, horizon: Int) -> ForecastOptions {
        ForecastOptions(cutoff: cutoff, train: min(settings.train, cutoff + 1), horizon: horizon, model: settings.model,
                        history: plan.history, seed: settings.seed, level: settings.level)
    }

    /// Below the band: the early warning fired since the kept forecast and revenue is still under
    /// its lower band now. Below target: the forecast end-of-sale total is short of the target.
    private func alert(revenue: Series, kept: Forecast, expectedNow: Double, endTotal: Double, actual: Double)
        -> LiveStatus.Alert
    {
        var parts: [String] = []
        var state = "ok"
        let elapsed = revenue.count - 1 - kept.cutoff
        let fired = (try? EarlyWarning.check(revenue: revenue, forecast: kept, consecutive: settings.consecutive)) ?? []
        if elapsed > 0, let warning = fired.first(where: { $0.kind == .belowBand }),
            actual < kept.lower.values[elapsed - 1]
        {
            state = "below_band"
            parts.append("BELOW BAND since \(warning.label.suffix(5)): \(NumberFormat.grouped(expectedNow - actual)) under the forecast")
        }
        if let target = plan.target, endTotal < target {
            if state == "ok" { state = "below_target" }
            parts.append("BELOW TARGET: forecast \(NumberFormat.grouped(endTotal)) is \(NumberFormat.grouped(target - endTotal)) short")
        }
        return parts.isEmpty ? .none : LiveStatus.Alert(state: state, text: parts.joined(separator: "; "))
    }
}

/// The kept forecast's end-of-sale totals moved by how far the actuals are from it now.
private struct EndTotals {
    let mean: Double, lower: Double, upper: Double

    init(mean: [Double], lower: [Double], upper: [Double], shift: Double) {
        self.mean = (mean.last ?? 0) + shift
        self.lower = (lower.last ?? 0) + shift
        self.upper = (upper.last ?? 0) + shift
    }
}
