import LuaBridge
import SaleData

extension LuaCall {
    /// Pushes a reading's result as `{revenue, count, customers, cumulative, total, report}`:
    /// Series per minute (customers is nil without a customer column), the total revenue and the report;
    /// `more` sets further fields.
    func push(_ result: OrdersResult, _ more: (LuaTableBuilder) -> Void = { _ in }) {
        pushTable(fieldCapacity: 8) { fields in
            fields.setSeries(of: result.table)
            fields.set("report") { $0.push(result.report) }
            more(fields)
        }
    }

    /// Pushes a report as `{rows, orders, duplicates, outside_window, excluded={status=n},
    /// skipped={reason=n}, examples={reason={"file:line:column: ..."}}, summary="read 120 rows: ..."}`.
    func push(_ report: ReadReport) {
        pushTable(fieldCapacity: 8) { fields in
            fields.set("rows", report.rows)
            fields.set("orders", report.orders)
            fields.set("duplicates", report.duplicates)
            fields.set("outside_window", report.outsideWindow)
            fields.set("excluded") { $0.push(counts: report.excluded) }
            fields.set("skipped") { $0.push(counts: report.skipped) }
            fields.set("examples") { call in
                call.pushTable(fieldCapacity: report.examples.count) { reasons in
                    for (reason, messages) in report.examples { reasons.set(reason) { $0.push(messages) } }
                }
            }
            fields.set("summary", report.description)
        }
    }

    private func push(counts: [String: Int]) {
        pushTable(fieldCapacity: counts.count) { fields in
            for (name, count) in counts { fields.set(name, count) }
        }
    }
}

extension LuaTableBuilder {
    /// Sets a per-minute table's fields: `revenue`, `count`, `customers` (without a customer column,
    /// none), `cumulative` (Series) and `total` (revenue).
    func setSeries(of table: MinuteTable) {
        set("revenue") { $0.push(table.revenue) }
        set("count") { $0.push(table.orderCounts) }
        if let customers = table.customerCounts { set("customers") { $0.push(customers) } }
        set("cumulative") { $0.push(table.cumulative) }
        set("total", Double(table.totalCents) / 100)
    }
}
