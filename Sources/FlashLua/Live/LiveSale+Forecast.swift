import SaleData

/// How a followed sale is forecast and how often the model is trained again.
struct LiveForecastSettings: Sendable {
    /// The forecasting model's name.
    var model = "flashcast"
    /// Minutes of training data ending at the latest minute.
    var train = 1000
    /// Probability the prediction interval is meant to hold.
    var level = 0.8
    /// Seed of the model's random choices.
    var seed: UInt64 = 1
    /// Minutes of new data after which the model is trained again.
    var retrain = 30
    /// Minutes below the lower band that raise the alert.
    var consecutive = 15
}

/// A forecast kept between refreshes.
struct LiveForecast: Sendable {}

extension LiveSale {
    /// Fills the forecast and the alert of `status`.
    func updateForecast(_ status: inout LiveStatus, revenue: Series, minutes: Int?, progress: (Double) -> Void) {
        guard minutes != nil else {
            status.forecastNote = "unknown: the sale's end is not known (--end TIME or --minutes N)"
            return
        }
        status.forecastNote = "not available in this build"
    }
}
