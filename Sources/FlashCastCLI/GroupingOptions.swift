import ArgumentParser
import NumberText
import SaleData

/// `--by country [--max-groups N] [--zones DE=Europe/Berlin,...]`: a breakdown of the orders by a column.
struct GroupingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Break the orders down by this column (country, channel, category...); an empty value"
                                   + " is the group '(none)'.", valueName: "column"))
    var by: String?

    @OptionGroup var settings: GroupSettings

    func validate() throws {
        if by == nil, !settings.isDefault { throw ValidationError("--max-groups and --zones go with --by") }
        if by?.isEmpty == true { throw ValidationError("--by must name a column") }
    }

    /// The grouping asked for, or nil without `--by`.
    var grouping: OrderGrouping? { by.map(settings.grouping(by:)) }

    /// The report's lines on the groups: how many, and the largest ten by revenue with their shares.
    static func summary(_ groups: [OrderGroup], by: String, totalCents: Int64) -> [String] {
        var lines = ["\(groups.count) \(groups.count == 1 ? "group" : "groups") by \(by)"
            + (groups.count > 10 ? ", the largest ten:" : ":")]
        let largest = groups.sorted { $0.table.totalCents > $1.table.totalCents }.prefix(10)
        let width = largest.map(\.name.count).max() ?? 0
        let amounts = largest.map { NumberFormat.cents($0.table.totalCents) }
        let amountWidth = amounts.map(\.count).max() ?? 0
        for (group, amount) in zip(largest, amounts) {
            let share = totalCents > 0 ? Double(group.table.totalCents) / Double(totalCents) : 0
            lines.append("  " + group.name + String(repeating: " ", count: max(0, width - group.name.count)) + "  "
                + String(repeating: " ", count: amountWidth - amount.count) + amount + "  "
                + NumberFormat.percent(share, decimals: 1))
        }
        return lines
    }
}

/// `--max-groups N` and `--zones DE=Europe/Berlin,...`: how a breakdown by a column is made.
struct GroupSettings: ParsableArguments {
    @Option(help: ArgumentHelp("Most groups (with --by); one more stops with the row that makes it.", valueName: "n"))
    var maxGroups = OrderGrouping.defaultMaxGroups

    @Option(help: ArgumentHelp("Zones of markets (with --by), for their own clocks.", valueName: "DE=Europe/Berlin,US=America/New_York"))
    var zones: ZoneList?

    func validate() throws {
        guard maxGroups >= 1 else { throw ValidationError("--max-groups must be at least 1") }
    }

    /// Whether neither option was given.
    var isDefault: Bool { zones == nil && maxGroups == OrderGrouping.defaultMaxGroups }

    /// The grouping by `column` with these settings.
    func grouping(by column: String) -> OrderGrouping {
        var grouping = OrderGrouping(.column(column))
        grouping.maxGroups = maxGroups
        grouping.zones = zones?.zones ?? [:]
        return grouping
    }
}

/// `--zones DE=Europe/Berlin,US=-05:00`: a zone per group.
struct ZoneList: ExpressibleByArgument {
    let zones: [String: ShopZone]

    init?(argument: String) {
        var zones: [String: ShopZone] = [:]
        for pair in argument.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let zone = ShopZone(parts[1]) else { return nil }
            zones[parts[0]] = zone
        }
        self.zones = zones
    }
}
