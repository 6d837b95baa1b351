#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Series {
    /// Whether CSV text starts with a per-minute header (`minute,...`), as `flashcast aggregate` and
    /// `Series.save` write, rather than an orders export.
    public static func isMinuteCSV(header text: Substring) -> Bool {
        let withoutMark = text.hasPrefix("\u{FEFF}") ? text.dropFirst() : text
        let line = withoutMark.prefix { $0 != "\n" && $0 != "\r" }
        let first = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return first.trimmingSpaces().lowercased() == "minute"
    }

    /// Whether the file at `path` starts with a per-minute header; false when it cannot be read.
    public static func isMinuteCSV(path: String) -> Bool {
        guard let start = InputFile.head(path, count: 4096) else { return false }
        return isMinuteCSV(header: Substring(String(decoding: start, as: UTF8.self)))
    }

    /// Reads column `column` of a per-minute CSV (`minute,revenue,orders,customers,cumulative`):
    /// minutes at a regular step, labels read in `zone`. Errors name `file:line:column`.
    public static func loadColumn(_ column: String, from path: String, zone: ShopZone = .utc) throws -> Series {
        let bytes: [UInt8]
        do throws(InputFileError) { bytes = try InputFile.bytes(path) } catch { throw SeriesError(description: error.description) }
        return try parse(minuteCSV: String(decoding: bytes, as: UTF8.self), column: column, name: InputFile.name(path),
                         zone: zone)
    }

    /// Parses per-minute CSV text, keeping column `column`; `name` prefixes error positions.
    public static func parse(minuteCSV text: String, column: String, name: String = "minutes.csv",
                             zone: ShopZone = .utc) throws(SeriesError) -> Series {
        // "\r\n" is one Character, so split on any line break rather than on "\n"
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).makeIterator()
        let headerLine = lines.next().map { $0.hasPrefix("\u{FEFF}") ? $0.dropFirst() : $0 } ?? ""
        let names = headerLine.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces().lowercased() }
        guard names.first == "minute" else { throw SeriesError(description: "\(name):1:1: first column is not 'minute'") }
        guard let wanted = names.firstIndex(of: column.lowercased()) else {
            throw SeriesError(description: "\(name):1: no column '\(column)'")
        }
        var reader = RegularMinutes(name: name, zone: zone)
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let position = "\(name):\(lineNumber)"
            guard fields.count == names.count else {
                throw SeriesError(description: "\(position):1: row has \(fields.count) fields, expected \(names.count)")
            }
            guard let value = Double(fields[wanted]), value.isFinite else {
                throw SeriesError(description: "\(position):\(wanted + 1): \(column) is not a number: '\(fields[wanted])'")
            }
            try reader.add(label: fields[0], value: value, position: position)
        }
        return reader.series
    }
}

/// Collects `minute,value` rows, checking the minutes keep one step.
private struct RegularMinutes {
    let name: String
    let zone: ShopZone
    var minutes: [Int] = []
    var values: [Double] = []

    init(name: String, zone: ShopZone) {
        self.name = name
        self.zone = zone
    }

    mutating func add(label: Substring, value: Double, position: String) throws(SeriesError) {
        guard let minute = zone.minute(of: String(label)) else {
            throw SeriesError(description: "\(position):1: minute is not a time: '\(label)'")
        }
        if let last = minutes.last, minute <= last {
            throw SeriesError(description: "\(position):1: minute '\(label)' is not after the previous one")
        }
        if minutes.count >= 2, minute - minutes[minutes.count - 1] != minutes[1] - minutes[0] {
            throw SeriesError(description: "\(position):1: minute '\(label)' breaks the series' step")
        }
        minutes.append(minute)
        values.append(value)
    }

    var series: Series {
        let step = minutes.count >= 2 ? minutes[1] - minutes[0] : 1
        return Series(start: minutes.first ?? 0, step: step, values: values, zone: zone)
    }
}
