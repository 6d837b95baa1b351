/// Reads an HTTP/1.1 response as its bytes arrive: the status line and headers, then the body
/// (chunked, of a given length, or up to the end of the connection), decoded and handed on.
struct HTTPResponseReader {
    /// The status code, once the head is read.
    private(set) var status = 0

    private enum Stage {
        case head
        case chunkSize
        case chunkData(remaining: Int)
        case chunkEnd
        case length(remaining: Int)
        case untilClose
        case done
    }

    private var stage = Stage.head
    private var pending: [UInt8] = []
    /// Longest head or chunk-size line accepted.
    private static let maxHead = 65_536

    /// Takes the next bytes (`end` when the connection closed); true once the whole body was handed on.
    mutating func feed(_ bytes: ArraySlice<UInt8>, end: Bool,
                       receive: (Int, [UInt8]) throws(OrderSourceError) -> Void) throws(HTTPClient.Failure) -> Bool {
        pending += bytes
        var offset = 0
        defer { pending.removeFirst(min(offset, pending.count)) }
        while true {
            switch stage {
            case .head:
                guard let stop = Self.find([13, 10, 13, 10], in: pending, from: offset) else {
                    guard pending.count - offset <= Self.maxHead else { throw .lost("answer head too long") }
                    return try closed(end)
                }
                try readHead(String(decoding: pending[offset..<stop], as: UTF8.self))
                offset = stop + 4
            case .chunkSize:
                guard let stop = Self.find([13, 10], in: pending, from: offset) else {
                    guard pending.count - offset <= Self.maxHead else { throw .lost("bad chunk size") }
                    return try closed(end)
                }
                let line = String(decoding: pending[offset..<stop], as: UTF8.self)
                guard let size = Int(line.split(separator: ";").first ?? "", radix: 16), size >= 0 else {
                    throw .lost("bad chunk size")
                }
                offset = stop + 2
                stage = size == 0 ? .done : .chunkData(remaining: size)
            case .chunkData(let remaining):
                let take = min(remaining, pending.count - offset)
                guard take > 0 else { return try closed(end) }
                try hand(Array(pending[offset..<(offset + take)]), to: receive)
                offset += take
                stage = take == remaining ? .chunkEnd : .chunkData(remaining: remaining - take)
            case .chunkEnd:
                guard pending.count - offset >= 2 else { return try closed(end) }
                offset += 2
                stage = .chunkSize
            case .length(let remaining):
                let take = min(remaining, pending.count - offset)
                if take > 0 { try hand(Array(pending[offset..<(offset + take)]), to: receive) }
                offset += take
                stage = take == remaining ? .done : .length(remaining: remaining - take)
                if take < remaining { return try closed(end) }
            case .untilClose:
                if pending.count > offset { try hand(Array(pending[offset...]), to: receive) }
                offset = pending.count
                return end
            case .done:
                return true
            }
        }
    }

    /// Reads the status line and the headers that shape the body.
    private mutating func readHead(_ head: String) throws(HTTPClient.Failure) {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = (lines.first ?? "").split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let code = Int(statusParts[1]) else {
            throw .lost("the answer is not HTTP")
        }
        status = code
        stage = .untilClose
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces().lowercased()
            if name == "transfer-encoding", value.contains("chunked") {
                stage = .chunkSize
            } else if name == "content-length", case .untilClose = stage, let length = Int(value), length >= 0 {
                stage = length == 0 ? .done : .length(remaining: length)
            }
        }
    }

    private func hand(_ bytes: [UInt8], to receive: (Int, [UInt8]) throws(OrderSourceError) -> Void) throws(HTTPClient.Failure) {
        do { try receive(status, bytes) } catch { throw .consumer(error) }
    }

    /// False while more may come; an error when the connection closed before the body's end.
    private func closed(_ end: Bool) throws(HTTPClient.Failure) -> Bool {
        guard end else { return false }
        throw .lost("the connection closed before the answer ended")
    }

    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
