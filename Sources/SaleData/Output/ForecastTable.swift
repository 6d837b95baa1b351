import Foundation
import SafeOutput

/// Forecasts of cumulative revenue as the CSV scheduled runs exchange:
/// `cutoff,minute,step,actual,forecast,lower,upper`, one row per forecast minute of each piece.
///
/// A single forecast is one piece; a rolling back-test is one piece per cutoff, in order. Money has
/// two decimals; `actual` is empty where the minute is not in the actual series, `lower` and
/// `upper` where there is no interval.
public struct ForecastTable: Sendable, Equatable {
    /// One forecast made at a cutoff.
    public struct Piece: Sendable, Equatable {
        /// Epoch minute of the last observed value.
        public var cutoff: Int
        /// Forecast cumulative revenue, starting one step after the cutoff.
        public var mean: Series
        /// Lower interval bound aligned with `mean`, if any.
        public var lower: [Double]?
        /// Upper interval bound aligned with `mean`, if any.
        public var upper: [Double]?
        /// Actual cumulative revenue, as far as it is known (looked up by minute).
        public var actual: Series?

        /// A piece; `mean.start` should be one step after `cutoff`.
        public init(cutoff: Int, mean: Series, lower: [Double]? = nil, upper: [Double]? = nil, actual: Series? = nil) {
            self.cutoff = cutoff
            self.mean = mean
            self.lower = lower
            self.upper = upper
            self.actual = actual
        }
    }

    /// The header row, without its line break.
    public static let header = "cutoff,minute,step,actual,forecast,lower,upper"

    /// The forecasts.
    public var pieces: [Piece]

    /// A table of `pieces`.
    public init(pieces: [Piece]) {
        self.pieces = pieces
    }

    /// The CSV text, header first.
    public var csv: String {
        var text = Self.header + "\n"
        text.reserveCapacity(pieces.reduce(0) { $0 + $1.mean.count } * 72)
        for piece in pieces {
            let cutoff = piece.mean.zone.label(minute: piece.cutoff)
            for (offset, value) in piece.mean.values.enumerated() {
                let minute = piece.mean.minute(at: offset)
                let fields = [
                    cutoff, piece.mean.label(at: offset), String(offset + 1),
                    Self.money(piece.actual?.value(atMinute: minute)), Self.money(value),
                    Self.money(piece.lower.flatMap { $0.indices.contains(offset) ? $0[offset] : nil }),
                    Self.money(piece.upper.flatMap { $0.indices.contains(offset) ? $0[offset] : nil }),
                ]
                text += fields.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// Writes the CSV atomically: a temporary file in the same folder, then a rename.
    public func write(to path: String) throws {
        try OutputFile.write(csv.utf8, to: path)
    }

    /// Money with two decimals; empty for an unknown or non-finite value.
    public static func money(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }
}
