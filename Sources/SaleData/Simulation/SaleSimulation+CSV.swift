import Cancellation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NumberText
import SafeOutput

/// A simulated sale that writes itself as an orders CSV.
public protocol SimulatedExport {
    /// Writes the orders CSV into `file` (not committed); returns the number of orders written.
    func write(into file: OutputFile) throws -> Int
}

extension SimulatedExport {
    /// Writes the orders CSV to `path` atomically; returns the number of orders written.
    @discardableResult
    public func write(to path: String) throws -> Int {
        let file = try OutputFile(path)
        let written = try write(into: file)
        try file.commit()
        return written
    }
}

extension SaleSimulation: SimulatedExport {
    /// Writes the sale as an orders CSV (`order_id,order_time,customer,amount`) into `file` (not
    /// committed); returns the number of orders written.
    public func write(into file: OutputFile) throws -> Int {
        var written = 0
        var buffer: [UInt8] = Array("order_id,order_time,customer,amount\n".utf8)
        buffer.reserveCapacity(1 << 20 + 256)
        var labelMinute = Int.min
        var label: [UInt8] = []
        try forEachOrder { order in
            let minute = order.second / 60
            if minute != labelMinute {
                labelMinute = minute
                label = timePrefix(minute: minute)
            }
            appendDecimal(order.id, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            appendTime(second: order.second, prefix: label, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: order.customerLabel.utf8)
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: NumberFormat.cents(order.cents).utf8)
            buffer.append(UInt8(ascii: "\n"))
            written += 1
            if written % 4096 == 0, CancellationCheck.isRequested { throw CancellationError() }
            if buffer.count >= 1 << 20 {
                try file.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try file.write(buffer)
        return written
    }

    /// An order's time as the CSV writes it (`2021-05-20 14:03:11`, with `timeFormat` and `zone`).
    func timeText(second: Int) -> String {
        var bytes: [UInt8] = []
        appendTime(second: second, prefix: timePrefix(minute: second.floorDiv(60)), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of a minute's time up to the seconds (`2021-05-20 14:03:`); empty for epoch times.
    private func timePrefix(minute: Int) -> [UInt8] {
        guard timeFormat != .epoch else { return [] }
        let label = Array(zone.label(minute: minute).utf8)
        let date = label[0..<10], clock = label[11..<16]
        return Array(date) + [timeFormat == .local ? UInt8(ascii: " ") : UInt8(ascii: "T")] + Array(clock) + [58]
    }

    private func appendTime(second: Int, prefix: [UInt8], to buffer: inout [UInt8]) {
        switch timeFormat {
        case .epoch: appendDecimal(second, to: &buffer)
        case .local, .offset:
            buffer.append(contentsOf: prefix)
            let s = second % 60
            buffer.append(UInt8(48 + s / 10))
            buffer.append(UInt8(48 + s % 10))
            if timeFormat == .offset {
                buffer.append(contentsOf: ShopZone(offsetSeconds: zone.offset(atUTC: second)).isoOffset.utf8)
            }
        }
    }

    private func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(value).utf8)
    }
}

extension ShopZone {
    /// The zone's offset as ISO 8601 writes it after a time: `Z`, `+08:00`.
    var isoOffset: String {
        let text = description
        return text == "UTC" ? "Z" : text
    }
}
