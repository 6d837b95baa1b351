/// One group's orders per minute, over the same minutes as the total.
public struct OrderGroup: Sendable, Equatable {
    /// The group's value (`DE`), or `OrderGrouping.none` for rows without one.
    public let name: String
    /// Its revenue, orders and customers per minute, labelled in the group's zone.
    public let table: MinuteTable

    /// A group from its name and table.
    public init(name: String, table: MinuteTable) {
        self.name = name
        self.table = table
    }

    /// Groups sorted as grouped reads give them: by name, byte by byte.
    public static func sortedByName(_ groups: [OrderGroup]) -> [OrderGroup] {
        groups.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }
}

/// What a grouped read gives: the total, exactly as an ungrouped read gives it, and each group.
public struct GroupedOrders: Sendable, Equatable {
    /// The whole sale: the same table and report as reading without groups.
    public let total: OrdersResult
    /// The groups sorted by name (byte order), every one over the total's minutes.
    public let groups: [OrderGroup]
    /// How the groups were made: `'country'` or `a function`.
    public let by: String

    /// The group of a name, or nil.
    public func group(_ name: String) -> OrderGroup? { groups.first { $0.name == name } }
}
