/// The forecasting methods; every forecast also reports the three baselines beside its model.
public enum ForecastModel: String, Sendable, CaseIterable, Codable {
    /// The default: last season as it was (this sale's revenue a day earlier, cleaned of one-off
    /// bursts, times the earlier sale's change between those days) unless the recent hours say
    /// otherwise, mixed then with the earlier sale's revenue at the same minute since the start
    /// (or a flat level); before a season has been seen, the earlier sale or the training window's
    /// time-of-day profile. See `FlashcastModel` and the module's README for the design and its
    /// measurements.
    case flashcast
    /// The paper's back-propagation network: a window of cumulative values, min-max scaled on the
    /// training window, `Linear -> ReLU -> Dropout -> Linear`, recursive one-step forecast.
    case paper
    /// Naive drift on the cumulative series: the training window's mean revenue per minute goes on.
    case drift
    /// Seasonal naive: each minute earns what the same minute a day (1440 minutes) earlier earned.
    case seasonalNaive = "seasonal_naive"
    /// The earlier sale's per-minute revenue, aligned by minutes since the start and scaled so that
    /// it matches this sale's revenue over the training window.
    case profile

    /// The baselines reported beside every model.
    public static let baselines: [ForecastModel] = [.drift, .seasonalNaive, .profile]

    /// Whether the model needs an earlier sale (`ForecastOptions.history`).
    public var needsHistory: Bool { self == .profile }
}
