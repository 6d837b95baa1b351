import SaleData

/// What to forecast and how; every field has a default (the paper's experiment 1 with the
/// default model), so `ForecastOptions(cutoff: 2659)` is a complete request.
///
/// Lengths of time (`train`, `horizon`, `window`, `season`) are minutes whatever the series' step;
/// on rows of several minutes each must be a whole number of rows (`rows(of:step:)` checks it).
public struct ForecastOptions: Sendable, Equatable {
    /// 0-based row of the last observed minute; nil means the series' last row.
    public var cutoff: Int?
    /// Minutes of training data ending at the cutoff (`train`).
    public var train = 1000
    /// Minutes forecast after the cutoff (`horizon`); on 5-minute rows 500 minutes are 100 rows.
    public var horizon = 500
    /// The method (`model`).
    public var model = ForecastModel.flashcast
    /// An earlier, similar sale's per-minute revenue, aligned with this sale by minutes since the
    /// start (row 0 of both is the first minute of the sale) (`history`).
    public var history: Series?
    /// Seed of every random choice (network weights, dropout, shuffling) (`seed`).
    public var seed: UInt64 = 1
    /// Probabilities the prediction intervals are meant to hold, each in (0, 1) (`level`); the
    /// first is the forecast's main band (`Forecast.lower`, `upper`), and every one gets a band.
    public var levels = [0.8]
    /// The main band's level; setting it asks for that one band only.
    public var level: Double {
        get { levels.first ?? 0.8 }
        set { levels = [newValue] }
    }
    /// Training epochs of the network models; nil takes the model's own default (`epochs`).
    public var epochs: Int?
    /// Input window of the paper's network, in minutes (`window`).
    public var window = 60
    /// Hidden units of the paper's network (`hidden`).
    public var hidden = 64
    /// Dropout probability of the paper's network (`dropout`).
    public var dropout = 0.2
    /// Minutes in a season for seasonal naive; nil means a day (1440) (`season`).
    public var season: Int?
    /// Known future effects: a multiplier of the forecast revenue rate for each row after the
    /// cutoff (value 0 multiplies row cutoff+1; missing rows multiply by 1), e.g.
    /// 1.5 for a planned campaign's lift. Applied to the model and to the baselines.
    public var knownEvents: [Double]?
    /// Whether to calibrate `Forecast.burstFreeBands` too, for what-if scenarios that state their
    /// campaigns (a second pass over the back-tests' residuals where the sale had bursts: about a
    /// third more time); `flashcast whatif` and Lua's `forecast.run` ask for them.
    public var burstFreeBands = false

    /// The defaults, with a cutoff.
    public init(cutoff: Int? = nil, train: Int = 1000, horizon: Int = 500, model: ForecastModel = .flashcast,
                history: Series? = nil, seed: UInt64 = 1, level: Double = 0.8) {
        self.cutoff = cutoff
        self.train = train
        self.horizon = horizon
        self.model = model
        self.history = history
        self.seed = seed
        self.level = level
    }

    /// `minutes` as a count of rows of `step` minutes; throws unless it is a whole number of rows.
    public static func rows(_ name: String, _ minutes: Int, step: Int) throws(ForecastError) -> Int {
        guard step > 1 else { return minutes }
        guard minutes % step == 0 else {
            throw .invalidOption(name: name, message: "must be a multiple of the series' step (\(step) minutes), got \(minutes)")
        }
        return minutes / step
    }

    /// `minutes` rounded up to a whole number of rows of `step` minutes: what a default becomes
    /// on coarser rows (1000 minutes of training on 15-minute rows are 67 rows, 1005 minutes).
    public static func wholeRows(_ minutes: Int, step: Int) -> Int {
        guard step > 1 else { return minutes }
        return (minutes + step - 1) / step * step
    }

    /// Throws unless every value is in range (the cutoff is checked against the series later).
    public func validate() throws(ForecastError) {
        guard train > 0 else { throw .invalidOption(name: "train", message: "must be positive, got \(train)") }
        guard horizon > 0 else { throw .invalidOption(name: "horizon", message: "must be positive, got \(horizon)") }
        try Self.checkAtMost(Self.maximumHorizon, "horizon", horizon)
        guard !levels.isEmpty else { throw .invalidOption(name: "level", message: "must hold at least one level") }
        if let bad = levels.first(where: { !($0 > 0 && $0 < 1) }) {
            throw .invalidOption(name: "level", message: "must be between 0 and 1 (0.8 for 80%), got \(bad)")
        }
        if let epochs, epochs <= 0 {
            throw .invalidOption(name: "epochs", message: "must be positive, got \(epochs)")
        }
        guard window > 0 else { throw .invalidOption(name: "window", message: "must be positive, got \(window)") }
        guard hidden > 0 else { throw .invalidOption(name: "hidden", message: "must be positive, got \(hidden)") }
        try Self.checkAtMost(Self.maximumWindow, "window", window)
        try Self.checkAtMost(Self.maximumHidden, "hidden", hidden)
        guard dropout >= 0, dropout < 1 else {
            throw .invalidOption(name: "dropout", message: "must be in [0, 1), got \(dropout)")
        }
        if let season, season <= 0 {
            throw .invalidOption(name: "season", message: "must be positive, got \(season)")
        }
        if let season { try Self.checkAtMost(Self.maximumHorizon, "season", season) }
        if let knownEvents, let bad = knownEvents.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw .invalidOption(
                name: "knownEvents", message: "must hold finite multipliers >= 0, got \(knownEvents[bad]) at \(bad)")
        }
    }

    /// The longest horizon (and season): two years of minutes. Longer ones would only exhaust
    /// memory (a forecast keeps several values a row).
    public static let maximumHorizon = 1_051_200
    /// The widest input window of the paper's network: a week of minutes.
    public static let maximumWindow = 10_080
    /// The most hidden units of the paper's network.
    public static let maximumHidden = 4096

    private static func checkAtMost(_ limit: Int, _ name: String, _ value: Int) throws(ForecastError) {
        guard value <= limit else { throw .invalidOption(name: name, message: "must be at most \(limit), got \(value)") }
    }
}
