#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NumberText
import SafeOutput

extension MinuteTable {
    /// The table as CSV, money with two decimals: `minute,revenue,orders,customers,cumulative`.
    ///
    /// With a `step` above 1 minute, rows are intervals aligned to the shop's clock (the label is
    /// the interval's first minute) and there is no customers column: distinct customers per
    /// minute do not add up over an interval. Without a customer column there is none either.
    public func csvData(step: Int = 1) -> Data {
        let header = hasCustomerColumn(step: step) ? "minute,revenue,orders,customers,cumulative\n" : "minute,revenue,orders,cumulative\n"
        var bytes: [UInt8] = Array(header.utf8)
        bytes.reserveCapacity(bytes.count + count / Swift.max(step, 1) * 52)
        appendCSVRows(to: &bytes, step: step)
        return Data(bytes)
    }

    /// Whether `csvData(step:)` has a customers column.
    public func hasCustomerColumn(step: Int) -> Bool { step == 1 && customers != nil }

    /// Appends the CSV's rows (no header), each after `prefix` (a long CSV's group field and comma).
    func appendCSVRows(to bytes: inout [UInt8], step: Int, prefix: [UInt8] = [], customerColumn: Bool? = nil) {
        let withCustomers = customerColumn ?? hasCustomerColumn(step: step)
        var running: Int64 = 0
        var index = 0
        while index < count {
            let interval = step > 1 ? zone.intervalStart(of: start + index, step: step) : start + index
            let end = Swift.min(count, interval + Swift.max(step, 1) - start)
            var cents: Int64 = 0
            var orderCount = 0
            for minute in index..<end {
                cents += revenueCents[minute]
                orderCount += orders[minute]
            }
            running += cents
            bytes.append(contentsOf: prefix)
            bytes.append(contentsOf: zone.label(minute: interval).utf8)
            for field in [NumberFormat.cents(cents), String(orderCount)] {
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: field.utf8)
            }
            if withCustomers {
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: String(customers?[index] ?? 0).utf8)
            }
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: NumberFormat.cents(running).utf8)
            bytes.append(UInt8(ascii: "\n"))
            index = end
        }
    }

    /// Writes the CSV (see `csvData(step:)`) atomically: a temporary file in the same folder, then a rename.
    public func write(to path: String, step: Int = 1) throws {
        try OutputFile.write(csvData(step: step), to: path)
    }
}
