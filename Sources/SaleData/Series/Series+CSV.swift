#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import SafeOutput

extension Series {
    /// The series as CSV: a `minute,value` header, then one row per value with its minute label.
    public func csv(valueName: String = "value") -> String {
        var text = "minute,\(valueName)\n"
        text.reserveCapacity(count * 24)
        for (index, value) in values.enumerated() {
            text += label(at: index) + "," + Self.exact(value) + "\n"
        }
        return text
    }

    /// Writes the series as CSV atomically (a temporary file in the same folder, then a rename).
    public func save(to path: String, valueName: String = "value") throws {
        try OutputFile.write(csv(valueName: valueName).utf8, to: path)
    }

    /// Reads a series saved by `save`: a header, then `minute,value` rows at a regular step.
    ///
    /// Errors name `file:line:column` of the bad row.
    public static func load(from path: String, zone: ShopZone = .utc) throws -> Series {
        let bytes: [UInt8]
        do throws(InputFileError) { bytes = try InputFile.bytes(path) } catch { throw SeriesError(description: error.description) }
        return try parse(csv: String(decoding: bytes, as: UTF8.self), name: InputFile.name(path), zone: zone)
    }

    /// Parses series CSV text; `name` prefixes error positions.
    public static func parse(csv text: String, name: String = "series.csv",
                             zone: ShopZone = .utc) throws(SeriesError) -> Series {
        guard !text.isEmpty else { throw SeriesError(description: "\(name):1: no header row") }  // as orders.rows says
        var minutes: [Int] = []
        var values: [Double] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if offset == 0 || line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let where_ = "\(name):\(offset + 1)"
            guard fields.count == 2 else {
                throw SeriesError(description: "\(where_):1: row has \(fields.count) fields, expected 2")
            }
            guard let minute = zone.minute(of: String(fields[0])) else {
                throw SeriesError(description: "\(where_):1: minute is not a time: '\(fields[0])'")
            }
            guard let value = Double(fields[1]) else {
                throw SeriesError(description: "\(where_):2: value is not a number: '\(fields[1])'")
            }
            if minutes.count >= 2, minute - minutes[minutes.count - 1] != minutes[1] - minutes[0] {
                throw SeriesError(description: "\(where_):1: minute '\(fields[0])' breaks the series' step")
            }
            if minutes.count == 1, minute <= minutes[0] {
                throw SeriesError(description: "\(where_):1: minute '\(fields[0])' is not after the previous one")
            }
            minutes.append(minute)
            values.append(value)
        }
        let step = minutes.count >= 2 ? minutes[1] - minutes[0] : 1
        return Series(start: minutes.first ?? 0, step: step, values: values, zone: zone)
    }

    /// Shortest text that reads back as the same Double.
    static func exact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
