/// A registered forecasting model, by name; every forecast also reports the baselines beside its
/// model.
public struct ForecastModel: RawRepresentable, Hashable, Sendable, CaseIterable, Codable, CustomStringConvertible {
    /// The models, in the order help texts list them: one line per model type.
    static let registered: [any ForecastMethod.Type] = [
        FlashcastModel.self,
        PaperModel.self,
        DriftModel.self,
        SeasonalNaiveModel.self,
        ProfileModel.self,
    ]

    /// Every registered model.
    public static let allCases = registered.map(ForecastModel.init(method:))

    /// The default model.
    public static let flashcast = ForecastModel(method: FlashcastModel.self)
    /// The paper's back-propagation network.
    public static let paper = ForecastModel(method: PaperModel.self)
    /// Naive drift (a baseline).
    public static let drift = ForecastModel(method: DriftModel.self)
    /// Seasonal naive (a baseline).
    public static let seasonalNaive = ForecastModel(method: SeasonalNaiveModel.self)
    /// The earlier sale's profile (a baseline).
    public static let profile = ForecastModel(method: ProfileModel.self)

    /// The baselines reported beside every model, in registry order.
    public static let baselines = allCases.filter { $0.method.isBaseline }

    /// The baselines' names for help texts, those needing an earlier sale followed by `needing`:
    /// `drift, seasonal_naive, profile with --history`.
    public static func baselineList(needing history: String) -> String {
        baselines.map { $0.needsHistory ? "\($0) with \(history)" : $0.rawValue }.joined(separator: ", ")
    }

    /// The model's name: `flashcast`, `seasonal_naive`.
    public let rawValue: String
    /// The model's type.
    let method: any ForecastMethod.Type

    private init(method: any ForecastMethod.Type) {
        rawValue = method.name
        self.method = method
    }

    /// The registered model of that name, or nil.
    public init?(rawValue: String) {
        guard let model = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = model
    }

    /// What the model does, in one line.
    public var summary: String { method.summary }

    /// Whether the model needs an earlier sale (`ForecastOptions.history`).
    public var needsHistory: Bool { method.needsHistory }

    /// The name.
    public var description: String { rawValue }

    /// Models are equal when their names are.
    public static func == (a: ForecastModel, b: ForecastModel) -> Bool { a.rawValue == b.rawValue }

    /// Hashes the name.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Trains (where needed) the model on `input`.
    func fit(_ input: ForecastInput) throws(ForecastError) -> FittedModel { try method.init(input: input) }
}
