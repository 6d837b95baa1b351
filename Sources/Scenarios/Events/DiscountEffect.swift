#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A price change from a minute on: a lasting lift of the revenue rate, which may fade.
///
/// The lift is given directly, or from a discount `depth` and the demand's `elasticity`: orders
/// grow by `elasticity * depth` while each order brings `1 - depth` of its money, so the revenue
/// lift is `(1 + elasticity * depth) * (1 - depth) - 1`.
public struct DiscountEffect: Sendable, Equatable {
    /// First minute at the new price, counted in UTC from the epoch.
    public var from: Int
    /// Minute the discount ends (exclusive), or nil for the rest of the sale.
    public var until: Int?
    /// Extra revenue rate while the discount runs (0.15 is +15%).
    public var lift: Double
    /// Minutes for the lift to halve as the novelty wears off, or nil for a lift that lasts.
    public var fadeHalfLife: Double?

    /// A discount with a revenue lift.
    public init(from: Int, until: Int? = nil, lift: Double, fadeHalfLife: Double? = nil) {
        self.from = from
        self.until = until
        self.lift = lift
        self.fadeHalfLife = fadeHalfLife
    }

    /// A discount of `depth` (0.1 is 10% off) on demand of `elasticity` (orders grow by
    /// `elasticity` percent per percent off).
    public init(from: Int, until: Int? = nil, depth: Double, elasticity: Double, fadeHalfLife: Double? = nil) {
        self.init(from: from, until: until, lift: Self.revenueLift(depth: depth, elasticity: elasticity),
                  fadeHalfLife: fadeHalfLife)
    }

    /// The revenue lift of a discount: more orders, less money in each.
    public static func revenueLift(depth: Double, elasticity: Double) -> Double {
        (1 + elasticity * depth) * (1 - depth) - 1
    }

    /// The factor on the baseline rate at a minute.
    public func multiplier(at minute: Int) -> Double {
        guard minute >= from, until.map({ minute < $0 }) ?? true else { return 1 }
        guard let fadeHalfLife, fadeHalfLife > 0 else { return 1 + lift }
        return 1 + lift * pow(2, -Double(minute - from) / fadeHalfLife)
    }
}
