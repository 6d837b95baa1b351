import LuaBridge
import SaleData

/// The grouping options of `orders.read` (`by`, `max_groups`, `zones`) and the grouped result.
enum OrdersGrouping {
    static let keys: Set<String> = ["by", "max_groups", "zones"]

    /// Bytes a group-minute costs once pushed: its table's three columns and four Series.
    static let bytesPerCell = 56.0

    /// The grouping the options ask for, or nil without `by`. A function stays on the stack (pushed
    /// here, above the arguments) while the read calls it, row by row, with the row's fields.
    static func read(_ options: LuaOptions, _ call: LuaCall, functionAllowed: Bool = true) throws(LuaError)
        -> OrderGrouping? {
        guard options.has("by") else {
            for key in ["max_groups", "zones"] where options.has(key) { throw options.error(key, "needs 'by'") }
            return nil
        }
        var grouping: OrderGrouping
        let (byType, byTypeName) = try options.with("by") { index in (call.type(at: index), call.typeName(at: index)) }
        switch byType {
        case .string:
            let column = try options.string("by") ?? ""
            guard !column.isEmpty else { throw options.error("by", "must name a column, got ''") }
            grouping = OrderGrouping(.column(column))
        case .function where !functionAllowed:
            throw options.error("by", "must be a column name with a database (a Lua function cannot run in it)")
        case .function:
            call.rawField(options.position, "by")  // the function, kept on the stack for the read
            grouping = OrderGrouping(.function(rowFunction(at: call.count, call, position: options.position)))
        default:
            throw options.error("by", "must be a column name or a function, got \(byTypeName)")
        }
        grouping.maxGroups = try options.integer("max_groups", atLeast: 1, default: OrderGrouping.defaultMaxGroups)
        grouping.zones = try zones(options, call)
        if let room = call.memoryRoom {
            grouping.maxCells = min(grouping.maxCells, Int(Double(room) / bytesPerCell))
        }
        return grouping
    }

    /// The Lua function at `index` as a grouping function: called with `{header name = field text}`,
    /// it returns a string or number (the group), or nil (the group `(none)`).
    private static func rowFunction(at index: Int32, _ call: LuaCall, position: Int32)
        -> (OrderRow) throws -> String? {
        { row in
            try call.callFunction(at: index, results: 1) { call in
                call.pushTable(fieldCapacity: row.names.count) { fields in
                    for (name, value) in zip(row.names, row.values) { fields.set(name, value) }
                }
                return 1
            }
            defer { call.pop() }  // pop the result
            switch call.type(at: -1) {
            case .nil: return nil
            case .number where try call.number(-1).isNaN:
                throw LuaError.argument(position: position, message: "option 'by': the function returned nan at "
                    + "\(row.file):\(row.line) (a group needs a name: a string, a number or nil)")
            case .string, .number: return try call.string(-1)
            default:
                throw LuaError.argument(position: position, message: "option 'by': the function returned a "
                    + "\(call.typeName(at: -1)) at \(row.file):\(row.line) (string, number or nil expected)")
            }
        }
    }

    /// `zones={DE="Europe/Berlin"}`: groups whose series are labelled in their market's zone.
    private static func zones(_ options: LuaOptions, _ call: LuaCall) throws(LuaError) -> [String: ShopZone] {
        try options.with("zones") { (table) throws(LuaError) -> [String: ShopZone] in
            if call.isNoneOrNil(table) { return [:] }
            guard call.type(at: table) == .table else {
                throw options.error("zones", "must be a table, got \(call.typeName(at: table))")
            }
            var zones: [String: ShopZone] = [:]
            for name in call.stringKeys(table).sorted() {
                call.rawField(table, name)
                defer { call.pop() }  // pop the zone
                guard call.type(at: -1) == .string, let text = try? call.string(-1), let zone = ShopZone(text) else {
                    throw options.error("zones", "zone of '\(name)' must be a time zone such as 'Europe/Berlin'")
                }
                zones[name] = zone
            }
            return zones
        }
    }
}

extension OrderGrouping {
    /// What `r.by` holds: the column's name, or `function`.
    var luaName: String {
        switch key {
        case .column(let name): return name
        case .function: return "function"
        }
    }
}

extension LuaCall {
    /// Pushes a grouped read: the total's fields as `push(_: OrdersResult)` gives them, plus `by` and
    /// `groups`, whose sequence holds each group's `{name, revenue, count, customers, cumulative, total}`
    /// in name order and whose string keys give the same tables by name (`r.groups.DE == r.groups[1]`).
    func push(_ grouped: GroupedOrders, by: String) {
        push(grouped.total) { fields in fields.setGroups(grouped.groups, by: by) }
    }

    fileprivate func push(_ group: OrderGroup) {
        pushTable(fieldCapacity: 6) { fields in
            fields.set("name", group.name)
            fields.setSeries(of: group.table)
        }
    }
}

extension LuaTableBuilder {
    /// Sets `by` and `groups`: the groups' tables in order, and the same tables by name.
    func setGroups(_ list: [OrderGroup], by: String) {
        set("by", by)
        set("groups") { call in
            call.pushTable(arrayCapacity: list.count, fieldCapacity: list.count) { groups in
                for (offset, group) in list.enumerated() {
                    groups.set(offset + 1) { $0.push(group) }
                    groups.set(group.name) { _ = $0.rawIndex(-2, offset + 1) }  // the same table, by name
                }
            }
        }
    }
}
