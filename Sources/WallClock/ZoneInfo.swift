#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IANA time zone read from the system's tz database (`/usr/share/zoneinfo/NAME`, RFC 8536 TZif
/// files; `TZDIR` overrides the folder): the recorded offset changes, then the file's POSIX rule
/// for the years after them. Read without Foundation, whose time zones load ICU at start-up.
final class ZoneInfo: Sendable, Hashable {
    /// The IANA name, `Europe/Berlin`.
    let identifier: String
    /// Instants (seconds since the epoch) where the offset changes, ascending.
    private let transitions: [Int]
    /// The offset from UTC in seconds from each transition on.
    private let offsets: [Int]
    /// The offset before the first transition.
    private let initialOffset: Int
    /// The offsets after the last transition; nil keeps the last one.
    private let rule: PosixZoneRule?

    /// Reads the zone `identifier`; nil when the name is not a zone file of the database.
    init?(identifier: String) {
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), !identifier.split(separator: "/").contains(".."),
              let bytes = Self.read(Self.folder + "/" + identifier),
              let parsed = Self.parse(bytes) else { return nil }
        self.identifier = identifier
        transitions = parsed.transitions
        offsets = parsed.offsets
        initialOffset = parsed.initial
        rule = parsed.rule
    }

    static func == (left: ZoneInfo, right: ZoneInfo) -> Bool { left.identifier == right.identifier }

    func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    /// The offset from UTC in seconds at an instant in seconds since the epoch.
    func offset(atUTC seconds: Int) -> Int {
        guard let first = transitions.first, seconds >= first else { return initialOffset }
        if seconds >= transitions[transitions.count - 1], let rule { return rule.offset(atUTC: seconds) }
        var low = 0, high = transitions.count - 1  // the last transition at or before `seconds`
        while low < high {
            let middle = (low + high + 1) / 2
            if transitions[middle] <= seconds { low = middle } else { high = middle - 1 }
        }
        return offsets[low]
    }

    private static var folder: String {
        getenv("TZDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/share/zoneinfo"
    }

    private static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 8192)
        while bytes.count < 1 << 20 {
            let count = pread(descriptor, &chunk, chunk.count, off_t(bytes.count))
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
        return nil
    }

    /// The 64-bit data of a version 2+ file (or the 32-bit data of version 1) and its footer rule.
    private static func parse(_ bytes: [UInt8]) -> (transitions: [Int], offsets: [Int], initial: Int, rule: PosixZoneRule?)? {
        var reader = TZifReader(bytes: bytes)
        guard var counts = reader.header() else { return nil }
        var timeSize = 4
        if bytes[4] >= UInt8(ascii: "2") {
            reader.skip(counts.dataSize(timeSize: 4))
            guard let second = reader.header() else { return nil }
            counts = second
            timeSize = 8
        }
        guard counts.types > 0, let times = reader.integers(counts.transitions, size: timeSize),
              let indices = reader.bytes(counts.transitions), let types = reader.bytes(counts.types * 6) else { return nil }
        let typeOffsets = (0..<counts.types).map { Int(Int32(truncatingIfNeeded: TZifReader.bigEndian(types[types.startIndex + $0 * 6..<types.startIndex + $0 * 6 + 4]))) }
        guard indices.allSatisfy({ Int($0) < counts.types }) else { return nil }
        var rule: PosixZoneRule?
        if timeSize == 8 {
            reader.skip(counts.charCount + counts.leapCount * 12 + counts.standardCount + counts.universalCount)
            rule = reader.footer().flatMap(PosixZoneRule.init)
        }
        return (times, indices.map { typeOffsets[Int($0)] }, typeOffsets[0], rule)
    }
}

/// The counts in a TZif header.
private struct TZifCounts {
    var universalCount: Int, standardCount: Int, leapCount: Int, transitions: Int, types: Int, charCount: Int

    /// Bytes of the data block after the header.
    func dataSize(timeSize: Int) -> Int {
        transitions * (timeSize + 1) + types * 6 + charCount + leapCount * (timeSize + 4) + standardCount + universalCount
    }
}

/// Reads a TZif file's fields in order; every read is bounds-checked.
private struct TZifReader {
    let bytes: [UInt8]
    var position = 0

    static func bigEndian(_ slice: ArraySlice<UInt8>) -> UInt64 { slice.reduce(0) { $0 << 8 | UInt64($1) } }

    mutating func skip(_ count: Int) { position += count }

    mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func integers(_ count: Int, size: Int) -> [Int]? {
        guard let slice = bytes(count * size) else { return nil }
        return (0..<count).map { index in
            let value = Self.bigEndian(slice[slice.startIndex + index * size..<slice.startIndex + (index + 1) * size])
            return size == 4 ? Int(Int32(truncatingIfNeeded: value)) : Int(Int64(bitPattern: value))
        }
    }

    mutating func header() -> TZifCounts? {
        guard let magic = bytes(20), magic.prefix(4).elementsEqual("TZif".utf8), let counts = integers(6, size: 4),
              counts.allSatisfy({ $0 >= 0 && $0 < 1 << 20 }) else { return nil }
        return TZifCounts(universalCount: counts[0], standardCount: counts[1], leapCount: counts[2], transitions: counts[3],
                          types: counts[4], charCount: counts[5])
    }

    /// The text between the two newlines after the data.
    mutating func footer() -> String? {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\n"),
              let end = bytes[(position + 1)...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        return String(decoding: bytes[(position + 1)..<end], as: UTF8.self)
    }
}
