#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SaleSimulation {
    /// Expected orders in each minute of the sale, campaigns included (sums to `expectedOrders`).
    public func expectedRates() -> [Double] { scaledCurves().withCampaigns }

    /// Expected orders in each minute without the campaigns, on the same scale as `expectedRates`:
    /// `expectedRates()[t] / baseRates()[t] - 1` is `campaignLift(at: t)`.
    public func baseRates() -> [Double] { scaledCurves().base }

    private func scaledCurves() -> (base: [Double], withCampaigns: [Double]) {
        let base = (0..<Swift.max(minutes, 0)).map { baseShape(at: $0) }
        let withCampaigns = base.indices.map { base[$0] * (1 + campaignLift(at: $0)) }
        let total = withCampaigns.reduce(0, +)
        let scale = total > 0 ? expectedOrders / total : 0
        return (base.map { $0 * scale }, withCampaigns.map { $0 * scale })
    }

    /// Sum of the campaigns' extra rates at a minute of the sale, as a multiple of the base rate.
    public func campaignLift(at minute: Int) -> Double {
        campaigns.reduce(0) { sum, campaign in
            let since = Double(minute - campaign.minute)
            guard since >= 0 else { return sum }
            if since < campaign.riseMinutes { return sum + campaign.lift * since / campaign.riseMinutes }
            return sum + campaign.lift * pow(2, -(since - campaign.riseMinutes) / campaign.halfLife)
        }
    }

    /// Relative base rate at a minute of the sale: daily cycle, opening surge and closing rush.
    func baseShape(at minute: Int) -> Double {
        let surge = 1 + surgeLift * pow(2, -Double(minute) / surgeHalfLife)
        let intoClosing = Double(minute) - (Double(minutes) - closingMinutes)
        let closing = closingMinutes > 0 && intoClosing > 0 ? 1 + closingLift * pow(intoClosing / closingMinutes, 2) : 1
        return dailyActivity(at: start + minute) * surge * closing
    }

    /// Share-weighted activity of the regions at a UTC minute: 1 at 20:00 local, `1 - dailyDepth` at 04:00.
    func dailyActivity(at utcMinute: Int) -> Double {
        let totalShare = regions.reduce(0) { $0 + $1.share }
        guard totalShare > 0 else { return 1 }
        return regions.reduce(0) { sum, region in
            let localMinute = Double(utcMinute) + region.utcOffsetHours * 60
            let hour = (localMinute / 60).truncatingRemainder(dividingBy: 24)
            let hourOfDay = hour < 0 ? hour + 24 : hour
            let quiet: Double
            if hourOfDay >= 4 && hourOfDay < 20 {
                quiet = (1 + cos(.pi * (hourOfDay - 4) / 16)) / 2
            } else {
                let sinceEvening = (hourOfDay - 20 + 24).truncatingRemainder(dividingBy: 24)
                quiet = (1 - cos(.pi * sinceEvening / 8)) / 2
            }
            return sum + region.share / totalShare * (1 - dailyDepth * quiet)
        }
    }
}
