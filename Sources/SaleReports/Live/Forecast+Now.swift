import Forecasting
import SaleData

extension Forecast {
    /// This forecast carried from its cutoff to the later row `now`: the rows after `now`, moved by
    /// how far the actual running total `total` at `now` is from the forecast there (the expected
    /// gain from now to each later minute stays), so its cutoff is `now`; nil when `now` is not
    /// between the cutoff and the forecast's last row.
    public func carried(to now: Int, total: Double) -> Forecast? {
        let elapsed = now - cutoff
        guard elapsed >= 0, elapsed < rows else { return nil }
        guard elapsed > 0 else { return self }
        let shift = total - mean.values[elapsed - 1]
        let later = { (series: Series) in
            Series(start: series.minute(at: elapsed), step: series.step,
                   values: series.values[elapsed...].map { $0 + shift }, zone: series.zone)
        }
        var carried = self
        carried.cutoff = now
        carried.observedTotal = total
        carried.mean = later(mean)
        carried.lower = later(lower)
        carried.upper = later(upper)
        carried.rate = rate.slice(elapsed..<max(elapsed, rate.count))  // rate and actual may be shorter
        carried.bands = bands.map { ForecastBand(level: $0.level, lower: later($0.lower), upper: later($0.upper)) }
        carried.burstFreeBands = burstFreeBands.map { ForecastBand(level: $0.level, lower: later($0.lower), upper: later($0.upper)) }
        carried.actual = actual.slice(elapsed..<max(elapsed, actual.count))
        carried.metrics = nil
        carried.baselines = []
        return carried
    }
}
