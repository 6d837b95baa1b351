import LuaBridge
import SaleData

extension LuaCall {
    /// Pushes a reading's result as `{revenue, count, customers, cumulative, total, report}`:
    /// Series per minute (customers is nil without a customer column), the total revenue and the report.
    func push(_ result: OrdersResult) {
        let table = result.table
        pushTable(fieldCapacity: 6) { fields in
            fields.set("revenue") { $0.push(table.revenue) }
            fields.set("count") { $0.push(table.orderCounts) }
            if let customers = table.customerCounts { fields.set("customers") { $0.push(customers) } }
            fields.set("cumulative") { $0.push(table.cumulative) }
            fields.set("total", Double(table.totalCents) / 100)
            fields.set("report") { $0.push(result.report) }
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
