import Foundation
import SafeOutput

extension GroupedOrders {
    /// The groups as one long CSV, `group,minute,revenue,orders,customers,cumulative`: each group's
    /// rows as `MinuteTable.csvData(step:)` writes them (cumulative within the group), groups in
    /// name order, every minute labelled in the total's zone (a group's own zone labels its series only),
    /// so the groups' rows line up. The customers column is there when the total has one and `step` is 1.
    public func csvData(step: Int = 1) -> Data {
        Self.csvData(groups, zone: total.table.zone, customers: total.table.hasCustomerColumn(step: step), step: step)
    }

    /// The long CSV of groups read elsewhere (a database), labelled in `zone`, with a customers column
    /// when `customers` (see `csvData(step:)`).
    public static func csvData(_ groups: [OrderGroup], zone: ShopZone, customers withCustomers: Bool, step: Int) -> Data {
        var bytes = Array((withCustomers ? "group,minute,revenue,orders,customers,cumulative\n"
                                         : "group,minute,revenue,orders,cumulative\n").utf8)
        bytes.reserveCapacity(bytes.count + groups.count * (groups.first?.table.count ?? 0) / Swift.max(step, 1) * 60)
        for group in groups {
            let prefix = Array((csvField(group.name) + ",").utf8)
            let table = group.table
            let shopClock = MinuteTable(start: table.start, zone: zone, revenueCents: table.revenueCents,
                                        orders: table.orders, customers: table.customers)
            shopClock.appendCSVRows(to: &bytes, step: step, prefix: prefix, customerColumn: withCustomers)
        }
        return Data(bytes)
    }

    /// Writes the CSV (see `csvData(step:)`) atomically.
    public func write(to path: String, step: Int = 1) throws {
        try OutputFile.write(csvData(step: step), to: path)
    }

    /// A CSV field, quoted when it holds a comma, quote, line break or the spaces a reader would trim.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "\t" })
                || text.first == " " || text.last == " " else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
