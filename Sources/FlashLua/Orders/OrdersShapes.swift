import LuaBridge

/// The tables the orders library returns, declared for the REPL's completion
/// (`orders.read(path).revenue:`, `r.groups[1].`, `r.report.`).
enum OrdersShapes {
    /// `orders.read`, `orders.query`, `orders.aggregate`, `orders.simulate` and live refreshes.
    static let result = LuaShape("OrdersResult", fields: series.merging([
        "total": "number", "report": "ReadReport", "source": "string", "by": "string", "groups": "OrderGroups",
    ]) { first, _ in first })
    /// `r.groups`: each group's table by position and by name.
    static let groups = LuaShape("OrderGroups", items: "OrderGroup")
    /// One group of a breakdown.
    static let group = LuaShape("OrderGroup", fields: series.merging(["name": "string", "total": "number"]) { first, _ in first })
    /// `r.report`: what reading counted and skipped.
    static let report = LuaShape("ReadReport", fields: [
        "rows": "number", "orders": "number", "duplicates": "number", "outside_window": "number",
        "excluded": "table", "skipped": "table", "examples": "table", "summary": "string",
    ])
    static let all = [result, groups, group, report]

    private static let series = ["revenue": "Series", "count": "Series", "customers": "Series", "cumulative": "Series"]
}
