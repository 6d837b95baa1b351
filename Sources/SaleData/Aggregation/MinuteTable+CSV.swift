import Foundation

extension MinuteTable {
    /// The table as CSV: `minute,revenue,orders,cumulative`, money with two decimals.
    public func csvData() -> Data {
        var bytes: [UInt8] = Array("minute,revenue,orders,cumulative\n".utf8)
        bytes.reserveCapacity(bytes.count + count * 48)
        var running: Int64 = 0
        for index in 0..<count {
            running += revenueCents[index]
            bytes.append(contentsOf: zone.label(minute: start + index).utf8)
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: Self.money(revenueCents[index]).utf8)
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: String(orders[index]).utf8)
            bytes.append(UInt8(ascii: ","))
            bytes.append(contentsOf: Self.money(running).utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return Data(bytes)
    }

    /// Writes the CSV atomically (a temporary file in the same folder, then a rename).
    public func write(to path: String) throws {
        try AtomicFile.write(csvData(), to: path)
    }

    /// Cents as a decimal amount with two decimals (`1234` is `12.34`).
    public static func money(_ cents: Int64) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-" : "") + String(magnitude / 100) + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
}
