import Forecasting
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SaleData

/// A named set of events to try on a baseline forecast: "e-mail at 14:00", "10% off from 16:00".
public struct Scenario: Sendable, Equatable {
    /// Name shown in tables and charts.
    public var name: String
    /// The events; their factors multiply.
    public var events: [ScenarioEvent]

    /// A scenario of events.
    public init(name: String, events: [ScenarioEvent]) {
        self.name = name
        self.events = events
    }

    /// The forecast with the events: the baseline rate times the events' factor at each minute.
    ///
    /// Each band joins two independent uncertainties about the revenue still to come (counted from
    /// the cutoff), both as log ratios to the scenario's: the baseline band's (its bound over its
    /// mean, as the events multiply whatever the baseline turns out to be) and the effect's (the
    /// scenario with every uncertain campaign's lift, then its half-life, moved by the band's
    /// normal quantile of its spread). Independent errors add in variance, so each side's log
    /// offset is the root of the sum of their squares. Where the baseline's bound never falls,
    /// neither does the scenario's.
    ///
    /// A scenario that sends a campaign within the forecast states the campaigns of its minutes:
    /// its baseline band is the burst-free one (`Baseline.burstFreeBands`), since the ordinary band
    /// keeps room for a campaign nobody announced, and the stated one is carried by its own spread.
    public func apply(to baseline: Baseline) -> ScenarioForecast {
        let rate = scaled(baseline.rate, by: events)
        let mean = Baseline.cumulative(rate, from: baseline.observed)
        let bands = baselineBands(baseline).map { band($0, baseline: baseline, mean: mean) }
        return ScenarioForecast(name: name, events: events, baseline: baseline, rate: rate, mean: mean, bands: bands)
    }

    /// The baseline's bands the scenario's bands start from: the burst-free ones when it sends a
    /// campaign within the forecast's minutes.
    func baselineBands(_ baseline: Baseline) -> [ForecastBand] {
        let end = baseline.rate.start + baseline.rate.count * baseline.rate.step
        let sends = events.contains { event in
            guard case .campaign(let campaign) = event else { return false }
            return campaign.minute < end
        }
        return sends ? baseline.burstFreeBands : baseline.bands
    }

    private func scaled(_ rate: Series, by events: [ScenarioEvent]) -> Series {
        let factors = events.multipliers(over: rate)
        return Series(start: rate.start, step: rate.step, values: zip(rate.values, factors).map { $0 * $1 },
                      zone: rate.zone)
    }

    /// The scenario's band at the level of one of the baseline's bands.
    private func band(_ bounds: ForecastBand, baseline: Baseline, mean: Series) -> ForecastBand {
        let observed = baseline.observed, base = baseline.mean
        let effect = effectOffsets(baseline, mean: mean, z: EffectLearner.normalQuantile(level: bounds.level))
        var lower = [Double](), upper = [Double]()
        for i in 0..<mean.count {
            let toCome = base.values[i] - observed, scenarioToCome = mean.values[i] - observed
            let low = scenarioToCome * exp(-effect.low[i]), high = scenarioToCome * exp(effect.high[i])
            var lowEnd: Double, highEnd: Double
            if toCome > 0, scenarioToCome > 0 {
                let baseLow = bounds.lower.values[i] > observed ? log(toCome / (bounds.lower.values[i] - observed)) : .infinity
                let baseHigh = log(Swift.max(bounds.upper.values[i] - observed, toCome) / toCome)
                lowEnd = observed + scenarioToCome * exp(-Self.root(Swift.max(baseLow, 0), effect.low[i]))
                highEnd = observed + scenarioToCome * exp(Self.root(baseHigh, effect.high[i]))
            } else {  // the baseline expects nothing: its bounds shifted by the scenario's extra at the effect's ends
                lowEnd = bounds.lower.values[i] + low - toCome
                highEnd = bounds.upper.values[i] + high - toCome
            }
            if i > 0, bounds.lower.values[i] >= bounds.lower.values[i - 1] { lowEnd = Swift.max(lowEnd, lower[i - 1]) }
            if i > 0, bounds.upper.values[i] >= bounds.upper.values[i - 1] { highEnd = Swift.max(highEnd, upper[i - 1]) }
            lower.append(Swift.min(lowEnd, mean.values[i]))
            upper.append(Swift.max(highEnd, mean.values[i]))
        }
        let series = { (values: [Double]) in Series(start: mean.start, step: mean.step, values: values, zone: mean.zone) }
        return ForecastBand(level: bounds.level, lower: series(lower), upper: series(upper))
    }

    /// The effect's log offsets below and above the scenario's revenue to come at each minute, for
    /// the normal quantile `z`. The uncertain campaigns' extra revenue (over the scenario without
    /// them) is about log-linear in the two standard normals that move their lift and half-life,
    /// so its quantile lies where both move together: its log is moved by the root sum of squares
    /// of what each moved alone does to it. The revenue to come is the rest plus that extra, a
    /// rising function of it, so the extra's quantile gives its quantile. Where an extra is not
    /// positive, the offsets of the revenue to come moved alone are joined instead.
    private func effectOffsets(_ baseline: Baseline, mean: Series, z: Double) -> (low: [Double], high: [Double]) {
        guard events.contains(where: \.isUncertain) else {
            let none = [Double](repeating: 0, count: mean.count)
            return (none, none)
        }
        let observed = baseline.observed
        let cumulative = { (events: [ScenarioEvent]) in Baseline.cumulative(self.scaled(baseline.rate, by: events), from: observed) }
        let rest = cumulative(events.filter { !$0.isUncertain })
        let moved = [(z, true), (-z, true), (z, false), (-z, false)].map { shift in
            cumulative(events.map { $0.shifted(shift.0, lift: shift.1) })
        }
        func offset(_ i: Int, _ other: Series) -> Double {
            let toCome = mean.values[i] - observed, moved = other.values[i] - observed
            return toCome > 0 && moved > 0 ? abs(log(moved / toCome)) : 0
        }
        func joined(_ i: Int, _ lift: Series, _ halfLife: Series, sign: Double) -> Double {
            let toCome = mean.values[i] - observed, extra = mean.values[i] - rest.values[i]
            let liftExtra = lift.values[i] - rest.values[i], halfLifeExtra = halfLife.values[i] - rest.values[i]
            guard toCome > 0, extra > 0, liftExtra > 0, halfLifeExtra > 0 else { return Self.root(offset(i, lift), offset(i, halfLife)) }
            let a = log(liftExtra / extra), b = log(halfLifeExtra / extra)
            let quantile = toCome + extra * (exp(sign * (a * a + b * b).squareRoot()) - 1)
            return quantile > 0 ? abs(log(quantile / toCome)) : .infinity
        }
        let low = (0..<mean.count).map { joined($0, moved[1], moved[3], sign: -1) }
        let high = (0..<mean.count).map { joined($0, moved[0], moved[2], sign: 1) }
        return (low, high)
    }

    /// `sqrt(a^2 + b^2)`, infinite when either is.
    private static func root(_ a: Double, _ b: Double) -> Double {
        a.isInfinite || b.isInfinite ? .infinity : (a * a + b * b).squareRoot()
    }
}
