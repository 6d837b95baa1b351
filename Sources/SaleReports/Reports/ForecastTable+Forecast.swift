import Forecasting

extension ForecastTable {
    /// The rows of one forecast: `cutoff,minute,step,actual,forecast,lower,upper` (a pair of bound
    /// columns per band when it has several).
    public init(_ forecast: Forecast) {
        self.init(pieces: [Piece(forecast)])
    }

    /// The rows of every piece of a back-test, in order.
    public init(_ backtest: Backtest) {
        self.init(pieces: backtest.pieces.map(Piece.init))
    }
}

extension ForecastTable.Piece {
    /// One forecast's rows: its mean after the cutoff, its bands named by level when it has several,
    /// and the actuals it was compared with.
    init(_ forecast: Forecast) {
        let bands = forecast.bands.count > 1
            ? forecast.bands.map { ForecastTable.Band(name: $0.percentText, lower: $0.lower.values, upper: $0.upper.values) }
            : [ForecastTable.Band(name: "", lower: forecast.lower.values, upper: forecast.upper.values)]
        self.init(cutoff: forecast.mean.minute(at: -1), mean: forecast.mean, bands: bands, actual: forecast.actual)
    }
}
