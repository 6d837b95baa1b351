/// Which back-tests speak for the cutoff, and whether the sale has left the regime they saw.
extension IntervalCalibration {
    /// How much a back-test from `origin` counts for the cutoff by the data it read: 1 minus the
    /// difference of their `seasonCover`s, at least `otherMethodWeight`. A forecast fitted on 4
    /// hours of last season errs otherwise than one fitted on a whole window of it.
    static func alikeData(_ origin: Int, _ cutoff: Int, season: Int, train: Int) -> Double {
        max(1 - abs(seasonCover(origin, season: season, train: train) - seasonCover(cutoff, season: season, train: train)),
            otherMethodWeight)
    }

    /// Share of the `train` rows up to `origin` that have a season (a day) of this sale before
    /// them: how much of last season a forecast from there can read (0 on the first day, 1 once a
    /// whole training window has one).
    static func seasonCover(_ origin: Int, season: Int, train: Int) -> Double {
        min(max(Double(origin + 1 - season) / Double(max(train, 1)), 0), 1)
    }

    /// Minutes before the cutoff whose back-tests show the current regime (six hours).
    static let regimeMinutes = 360
    /// Horizon in minutes at which back-tests' errors measure the regime (an hour).
    static let regimeHorizonMinutes = 60

    /// How much larger the back-tests' errors over an hour (`residuals[h - 1]`, rows of `step`
    /// minutes) were in the six hours before `cutoff` than before
    /// (the ratio of their root mean squares, at least 1; 1 with fewer than 3 of either): a sale
    /// that moved into a regime its earlier back-tests never showed (a campaign nobody announced,
    /// a Black Friday) gets a band that much wider at every horizon. It never narrows the band:
    /// calm hours say little about the surprises a longer horizon may hold.
    static func regimeFactor(_ residuals: [[Residual]], cutoff: Int, step: Int) -> Double {
        let h = max(1, regimeHorizonMinutes / max(step, 1))
        guard residuals.count >= h else { return 1 }
        let recentFrom = cutoff - regimeMinutes / max(step, 1)
        var recent: [Double] = [], older: [Double] = []
        for residual in residuals[h - 1] where residual.origin + h <= cutoff {
            if residual.origin >= recentFrom { recent.append(residual.value) } else { older.append(residual.value) }
        }
        guard recent.count >= 3, older.count >= 3 else { return 1 }
        let rms = { (values: [Double]) in (values.reduce(0) { $0 + $1 * $1 } / Double(values.count)).squareRoot() }
        let base = rms(older)
        return base > 0 ? max(1, rms(recent) / base) : 1
    }
}
