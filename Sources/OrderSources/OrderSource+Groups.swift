import SaleData

extension OrderSource {
    /// The total (exactly as `minuteTable` gives it) and each group's table over the total's minutes,
    /// in name order: the database groups by group and minute (`query.group`, which must be set).
    /// More groups than `grouping.maxGroups`, or more group-minutes than `grouping.maxCells`, is an error.
    public func groupedTables(_ query: MinuteQuery, grouping: OrderGrouping) throws(OrderSourceError)
        -> (total: MinuteTable, groups: [OrderGroup]) {
        guard query.group != nil else { throw OrderSourceError("no group column in the query") }
        var totalQuery = query
        totalQuery.group = nil
        let total = try minuteTable(totalQuery)
        let rows = try minuteRows(query, from: query.window?.lowerBound, through: query.window?.upperBound)
        let window = total.count > 0 ? total.start...(total.start + total.count - 1) : nil
        return (total, try OrderGroup.tables(rows, over: window, query: query, grouping: grouping))
    }
}

extension OrderGroup {
    /// Each group's table over `window` (none without one) from the rows a query by `query.group`
    /// gave, in name order; a group's zone is its `grouping.zones` entry, else the query's. More
    /// groups than `grouping.maxGroups`, or more group-minutes than `grouping.maxCells`, is an error.
    static func tables(_ rows: [MinuteRow], over window: ClosedRange<Int>?, query: MinuteQuery, grouping: OrderGrouping)
        throws(OrderSourceError) -> [OrderGroup] {
        let column = query.group.map { "\($0)" } ?? ""
        var rowsByGroup: [String: [MinuteRow]] = [:]
        for row in rows {
            let name = row.group ?? OrderGrouping.none
            if rowsByGroup[name] == nil, rowsByGroup.count == grouping.maxGroups {
                throw OrderSourceError("group '\(name)' is one more than the \(grouping.maxGroups) groups allowed by"
                    + " '\(column)' in table '\(query.table)': raise the limit (max_groups; --max-groups on the command line) or group by a coarser column")
            }
            rowsByGroup[name, default: []].append(row)
        }
        guard let window else { return [] }
        guard Double(rowsByGroup.count) * Double(window.count) <= Double(grouping.maxCells) else {
            throw OrderSourceError("\(rowsByGroup.count) groups by '\(column)' over \(window.count) minutes are more than"
                + " the \(grouping.maxCells) group-minutes the reading may hold; give a shorter window (from/to) or fewer groups")
        }
        var groups: [OrderGroup] = []
        for (name, groupRows) in rowsByGroup {
            let table = try MinuteTable(rows: groupRows, window: window, zone: grouping.zones[name] ?? query.zone,
                                        customers: query.customer != nil)
            groups.append(OrderGroup(name: name, table: table))
        }
        return OrderGroup.sortedByName(groups)
    }
}
