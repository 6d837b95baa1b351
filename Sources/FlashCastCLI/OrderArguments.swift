import ArgumentParser
import SaleData

/// `--map time=created_at,amount=total`: which header names hold the order fields.
struct ColumnMap: ExpressibleByArgument {
    static let roles = ["id", "time", "customer", "amount", "currency", "status"]
    let columns: OrderColumns
    /// The names given, by role.
    let names: [String: String]
    /// A role given more than once (`amount=total,amount=price`), which `validate()` refuses.
    let repeatedRole: String?

    init?(argument: String) {
        var names: [String: String] = [:]
        var repeatedRole: String?
        for pair in argument.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, Self.roles.contains(parts[0]), !parts[1].isEmpty else { return nil }
            if names[parts[0]] != nil { repeatedRole = repeatedRole ?? parts[0] }
            names[parts[0]] = parts[1]
        }
        self.repeatedRole = repeatedRole
        columns = OrderColumns(orderID: names["id"], time: names["time"], customer: names["customer"],
                               amount: names["amount"], currency: names["currency"], status: names["status"])
        self.names = names
    }
}

/// `--rates EUR=1.08,GBP=1.25`: value of one unit of each currency in the reporting currency.
struct RateList: ExpressibleByArgument {
    let rates: [String: Double]

    init?(argument: String) {
        var rates: [String: Double] = [:]
        for pair in argument.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let rate = Double(parts[1]), rate > 0, rate.isFinite else {
                return nil
            }
            rates[parts[0]] = rate
        }
        self.rates = rates
    }
}

extension ShopZone: ExpressibleByArgument {
    /// `UTC`, `+08:00`, `Asia/Shanghai`.
    public init?(argument: String) {
        self.init(argument)
    }
}

/// `--campaign HH:MM:LIFT[:HALFLIFE]`: an e-mail campaign HH:MM after the sale's start.
struct CampaignArgument: ExpressibleByArgument {
    let campaign: SaleSimulation.Campaign

    init?(argument: String) {
        guard let campaign = SaleSimulation.Campaign(spec: argument) else { return nil }
        self.campaign = campaign
    }
}

extension SaleSimulation.TimeFormat: ExpressibleByArgument {}

extension DecimalMark: ExpressibleByArgument {}

extension DateOrder: ExpressibleByArgument {}
