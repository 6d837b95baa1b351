import NumberText
import SaleData

/// Forecasts of cumulative revenue as the CSV scheduled runs exchange:
/// `cutoff,minute,step,actual,forecast,lower,upper`, one row per forecast row of each piece; `step`
/// is the minutes from the cutoff to the row's end (1 to H on one-minute rows, 5, 10, ... on 5-minute rows).
///
/// A single forecast is one piece; a rolling back-test is one piece per cutoff, in order. Money has
/// two decimals; `actual` is empty where the minute is not in the actual series, `lower` and
/// `upper` where there is no interval. Pieces with several bands (levels 0.5, 0.8, 0.95) write
/// `lower50,upper50,lower80,upper80,lower95,upper95` in place of `lower,upper`.
public struct ForecastTable: Sendable, Equatable {
    /// One forecast made at a cutoff.
    public struct Piece: Sendable, Equatable {
        /// Epoch minute of the last observed value.
        public var cutoff: Int
        /// Forecast cumulative revenue, starting one step after the cutoff.
        public var mean: Series
        /// Interval bounds aligned with `mean`, narrowest first (none, one, or one per level).
        public var bands: [Band]
        /// Actual cumulative revenue, as far as it is known (looked up by minute).
        public var actual: Series?

        /// A piece with one band (or none); `mean.start` should be one step after `cutoff`.
        public init(cutoff: Int, mean: Series, lower: [Double]? = nil, upper: [Double]? = nil, actual: Series? = nil) {
            self.init(cutoff: cutoff, mean: mean,
                      bands: lower.flatMap { lower in upper.map { [Band(name: "", lower: lower, upper: $0)] } } ?? [],
                      actual: actual)
        }

        /// A piece with `bands`, each written as `lower<name>,upper<name>`.
        public init(cutoff: Int, mean: Series, bands: [Band], actual: Series? = nil) {
            self.cutoff = cutoff
            self.mean = mean
            self.bands = bands
            self.actual = actual
        }
    }

    /// An interval's bounds and the suffix of its columns (`80` for `lower80,upper80`; empty for
    /// the single band's `lower,upper`).
    public struct Band: Sendable, Equatable {
        /// The columns' suffix.
        public var name: String
        /// Lower bound aligned with the piece's `mean`.
        public var lower: [Double]
        /// Upper bound aligned with the piece's `mean`.
        public var upper: [Double]

        /// A band from its bounds.
        public init(name: String, lower: [Double], upper: [Double]) {
            self.name = name
            self.lower = lower
            self.upper = upper
        }
    }

    /// The header row of a single-band table, without its line break.
    public static let header = header(bands: [""])

    /// The header row of a table whose bands are named `bands` (`["50", "80"]`), without its line break.
    public static func header(bands: [String]) -> String {
        "cutoff,minute,step,actual,forecast," + boundColumns(bands)
    }

    /// The bound columns of bands named `bands`: `lower50,upper50,lower80,upper80`; `lower,upper` for `[""]`.
    public static func boundColumns(_ bands: [String]) -> String {
        bands.map { "lower\($0),upper\($0)" }.joined(separator: ",")
    }

    /// The header row, without its line break: one pair of bound columns per band of the first piece.
    public var header: String {
        guard let bands = pieces.first?.bands, bands.count > 1 else { return Self.header }
        return Self.header(bands: bands.map(\.name))
    }

    /// The forecasts.
    public var pieces: [Piece]

    /// A table of `pieces`.
    public init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// The CSV text, header first.
    public var csv: String { header + "\n" + rows(prefix: "") }

    /// The CSV's rows after the header, each starting with `prefix` (a grouped file's `DE,`).
    public func rows(prefix: String) -> String {
        var text: [UInt8] = []
        let columns = max(1, pieces.first?.bands.count ?? 1)
        text.reserveCapacity(pieces.reduce(0) { $0 + $1.mean.count } * (72 + prefix.utf8.count))
        let comma = UInt8(ascii: ",")
        for piece in pieces {
            let mean = piece.mean, actual = piece.actual
            var cutoff = Array(prefix.utf8)
            mean.zone.appendLabel(minute: piece.cutoff, to: &cutoff)
            cutoff.append(comma)
            let bands = (0..<columns).map { piece.bands.indices.contains($0) ? piece.bands[$0] : nil }
            for (offset, value) in mean.values.enumerated() {
                text.append(contentsOf: cutoff)
                mean.zone.appendLabel(minute: mean.minute(at: offset), to: &text)
                text.append(comma)
                NumberFormat.appendDigits(Int64((offset + 1) * mean.step), to: &text)
                text.append(comma)
                Self.field(actual?.value(atMinute: mean.minute(at: offset)), to: &text)
                text.append(comma)
                Self.field(value, to: &text)
                for bounds in bands {
                    text.append(comma)
                    Self.field(bounds.flatMap { $0.lower.indices.contains(offset) ? $0.lower[offset] : nil }, to: &text)
                    text.append(comma)
                    Self.field(bounds.flatMap { $0.upper.indices.contains(offset) ? $0.upper[offset] : nil }, to: &text)
                }
                text.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends a money field to `text`: two decimals, nothing for an unknown or non-finite value.
    private static func field(_ value: Double?, to text: inout [UInt8]) {
        guard let value, value.isFinite else { return }
        NumberFormat.appendMoney(value, to: &text)
    }
}
