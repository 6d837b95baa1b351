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
    /// The band keeps the baseline's relative width around the revenue still to come (lower and
    /// upper over mean, both counted from the cutoff), applied to the scenario's revenue to come;
    /// a campaign with a lift range puts the lower end of the band at its low lift and the upper
    /// end at its high lift.
    public func apply(to baseline: Baseline) -> ScenarioForecast {
        let rate = scaled(baseline.rate, by: events)
        let low = scaled(baseline.rate, by: events.map { $0.atLiftEnd(low: true) })
        let high = scaled(baseline.rate, by: events.map { $0.atLiftEnd(low: false) })
        let mean = Baseline.cumulative(rate, from: baseline.observed)
        let base = baseline.mean
        let lower = band(baseline.lower, base, Baseline.cumulative(low, from: baseline.observed), baseline.observed)
        let upper = band(baseline.upper, base, Baseline.cumulative(high, from: baseline.observed), baseline.observed)
        return ScenarioForecast(name: name, events: events, baseline: baseline, rate: rate, mean: mean,
                                lower: lower, upper: upper)
    }

    private func scaled(_ rate: Series, by events: [ScenarioEvent]) -> Series {
        let factors = events.multipliers(over: rate)
        return Series(start: rate.start, step: rate.step, values: zip(rate.values, factors).map { $0 * $1 },
                      zone: rate.zone)
    }

    /// One end of the band: the baseline's bound over its mean (both counted from the cutoff)
    /// times the scenario's revenue to come; where the baseline expects nothing, the bound is
    /// shifted by the scenario's extra revenue instead.
    private func band(_ bound: Series, _ base: Series, _ scenario: Series, _ observed: Double) -> Series {
        let values = (0..<bound.count).map { i in
            let toCome = base.values[i] - observed
            let scenarioToCome = scenario.values[i] - observed
            guard toCome > 0 else { return bound.values[i] + scenarioToCome - toCome }
            return observed + scenarioToCome * (bound.values[i] - observed) / toCome
        }
        return Series(start: bound.start, step: bound.step, values: values, zone: bound.zone)
    }
}
