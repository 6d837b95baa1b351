import ArgumentParser
import Scenarios

extension EventTime: ExpressibleByArgument {
    /// `HH:MM` (the next such minute after the cutoff) or `YYYY-MM-DDTHH:MM` in the shop's zone.
    public init?(argument: String) { self.init(text: argument) }
}

/// `--discount WHEN:LIFT`: a discount from WHEN on lifting the revenue rate by LIFT (`16:00:0.15`).
struct DiscountArgument: ExpressibleByArgument {
    let from: EventTime
    let text: String
    let lift: Double

    init?(argument: String) {
        guard let colon = argument.lastIndex(of: ":"),
              let from = EventTime(text: String(argument[..<colon])),
              let lift = Double(argument[argument.index(after: colon)...]), lift > -1, lift <= CampaignEffect.largestLift else { return nil }
        self.from = from
        self.text = String(argument[..<colon])
        self.lift = lift
    }
}

/// `--by` of `flashcast whatif`: a time (`18:00`, `2021-11-12T18:00`) to count totals and gains by,
/// or else a column to break the orders down by (`country`).
enum WhatIfBy: ExpressibleByArgument {
    case time(EventTime)
    case column(String)

    init?(argument: String) {
        if let time = EventTime(text: argument) {
            self = .time(time)
        } else {
            self = .column(argument)
        }
    }
}

/// `--groups US,DE`: names of groups.
struct GroupNames: ExpressibleByArgument {
    let names: Set<String>

    init?(argument: String) {
        let names = argument.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !names.contains(where: \.isEmpty) else { return nil }
        self.names = Set(names)
    }
}
