/// Parameters of a simulated flash sale; the defaults give a 3-day cross-border sale of about
/// 200,000 orders, so `SaleSimulation().write(to:)` is a complete test sale.
///
/// The expected orders per minute are a base curve (daily cycle of the regions' customers, times
/// an opening surge that halves every `surgeHalfLife` minutes, times a closing rush) multiplied by
/// `1 + ` the sum of the campaign spikes, scaled so that the sale expects `expectedOrders`.
public struct SaleSimulation: Sendable, Equatable {
    /// Seed of the random generator: same parameters and seed, same orders byte for byte.
    public var seed: UInt64 = 1
    /// First minute of the sale, counted in UTC from the epoch (default 2021-05-20T00:00 UTC).
    public var start = 27_024_480
    /// Length of the sale in minutes.
    public var minutes = 4320
    /// Expected number of orders over the whole sale.
    public var expectedOrders = 200_000.0
    /// Zone the order times are written in.
    public var zone = ShopZone.utc
    /// How order times are written.
    public var timeFormat = TimeFormat.local
    /// Extra rate at the opening, as a multiple of the base rate.
    public var surgeLift = 3.0
    /// Minutes for the opening surge to halve.
    public var surgeHalfLife = 90.0
    /// Where the customers live: their UTC offsets and shares of the audience.
    public var regions = [Region(utcOffsetHours: 8, share: 0.45), Region(utcOffsetHours: 1, share: 0.35),
                          Region(utcOffsetHours: -5, share: 0.2)]
    /// Depth of the daily cycle: 0 is flat, 1 means no orders at the quietest hour (04:00 local).
    public var dailyDepth = 0.8
    /// Length of the closing rush at the end of the sale, in minutes.
    public var closingMinutes = 180.0
    /// Extra rate in the last minute, as a multiple of the base rate (growing quadratically).
    public var closingLift = 1.5
    /// E-mail campaigns sent during the sale.
    public var campaigns: [Campaign] = []
    /// Median basket amount (log-normal).
    public var basketMedian = 45.0
    /// Spread of the log of the basket amount.
    public var basketSigma = 0.6
    /// Probability that an order comes from a customer who ordered before.
    public var repeatShare = 0.3
    /// Id of the first order; the others follow in time order.
    public var firstOrderID = 10_000_000

    /// The defaults: a 3-day sale of about 200,000 orders without campaigns.
    public init() {}

    /// The largest extra rate a surge, a closing rush or a campaign may have, as a multiple of the
    /// base rate: beyond about 1e300 the curve's total is infinite and would scale every minute to no
    /// orders, so lifts are bounded far below that, at a million times the base rate.
    public static let maximumLift = 1e6

    /// How a simulated order's time is written.
    public enum TimeFormat: String, Sendable, CaseIterable {
        /// Wall-clock time in the zone, `2021-05-20 14:03:11`.
        case local
        /// ISO 8601 with the zone's offset, `2021-05-20T14:03:11+08:00`.
        case offset
        /// Seconds since the epoch, `1621519391`.
        case epoch
    }

    /// A region of the audience: customers whose day follows a UTC offset.
    public struct Region: Sendable, Equatable {
        /// Local time minus UTC, in hours.
        public var utcOffsetHours: Double
        /// Share of the audience (shares are normalised).
        public var share: Double

        /// A region with its offset and share.
        public init(utcOffsetHours: Double, share: Double) {
            self.utcOffsetHours = utcOffsetHours
            self.share = share
        }
    }

    /// An e-mail campaign: a spike that rises linearly, then decays exponentially.
    public struct Campaign: Sendable, Equatable {
        /// Minute of the sale (0-based) when the mail goes out.
        public var minute: Int
        /// Peak extra rate, as a multiple of the base rate (1.5 is +150%).
        public var lift: Double
        /// Minutes from the mail to the peak.
        public var riseMinutes: Double
        /// Minutes for the extra rate to halve after the peak.
        public var halfLife: Double

        /// A campaign; by default it peaks 5 minutes after the mail and halves every 30 minutes.
        public init(minute: Int, lift: Double, riseMinutes: Double = 5, halfLife: Double = 30) {
            self.minute = minute
            self.lift = lift
            self.riseMinutes = riseMinutes
            self.halfLife = halfLife
        }
    }
}
