#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Cancellation

/// One plain HTTP/1.1 POST over a POSIX socket (`Connection: close`, one request per connection):
/// connect and answer deadlines, and a stop (Ctrl-C, a Lua timeout) seen within a tenth of a second.
///
/// The body is handed on in pieces as it arrives (chunked or not), so a large answer is never held whole.
struct HTTPClient {
    /// Host name or address.
    let host: String
    /// TCP port.
    let port: Int
    /// Seconds to wait for the connection.
    let connectTimeout: Int
    /// Seconds to wait for each piece of the answer (0: no limit).
    let readTimeout: Int

    /// Why an exchange failed; the caller words it with the server's address.
    enum Failure: Error {
        /// No connection was made (name unknown, refused, no answer in time): a retry may help.
        case connect(String)
        /// The connection broke or the answer was not HTTP: a retry may help.
        case lost(String)
        /// No answer within the read timeout.
        case timedOut(Int)
        /// The caller asked to stop.
        case stopped
        /// The consumer of the body refused it.
        case consumer(OrderSourceError)
    }

    /// Posts `body` to `target` (path and query) with extra `headers`, hands the status code and
    /// the decoded body to `receive`, piece by piece, and returns the status code.
    func post(_ target: String, headers: [(String, String)], body: [UInt8],
              receive: (_ status: Int, _ bytes: [UInt8]) throws(OrderSourceError) -> Void) throws(Failure) -> Int {
        let descriptor = try openSocket()
        defer { close(descriptor) }
        var request = "POST \(target) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
            + "Content-Length: \(body.count)\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        try sendAll(Array((request + "\r\n").utf8) + body, on: descriptor)
        var reader = HTTPResponseReader()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            try wait(for: descriptor, events: Int16(POLLIN), seconds: readTimeout)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .lost(Self.reason(errno))
            }
            if try reader.feed(buffer[..<count], end: count == 0, receive: receive) { return reader.status }
        }
    }

    /// A connected socket to the first of the host's addresses that answers.
    private func openSocket() throws(Failure) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .connect("host '\(host)' not found (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(list) }
        var lastReason = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard descriptor >= 0 else { lastReason = Self.reason(errno); continue }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            if connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 || errno == EINPROGRESS {
                do {
                    try wait(for: descriptor, events: Int16(POLLOUT), seconds: connectTimeout)
                    var error: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    _ = getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
                    if error == 0 { return descriptor }
                    lastReason = Self.reason(error)
                } catch .timedOut(let seconds) {
                    lastReason = "no answer within \(seconds) s"
                } catch {
                    close(descriptor)
                    throw error
                }
            } else {
                lastReason = Self.reason(errno)
            }
            close(descriptor)
        }
        throw .connect(lastReason)
    }

    /// Sends all of `bytes`, waiting while the socket's buffer is full.
    private func sendAll(_ bytes: [UInt8], on descriptor: Int32) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent > 0 { offset += sent; continue }
            guard errno == EAGAIN || errno == EINTR else { throw .lost(Self.reason(errno)) }
            try wait(for: descriptor, events: Int16(POLLOUT), seconds: readTimeout)
        }
    }

    /// Waits until the socket is ready for `events`, asking every tenth of a second whether to stop;
    /// `seconds` 0 waits without limit.
    private func wait(for descriptor: Int32, events: Int16, seconds: Int) throws(Failure) {
        var waited = 0
        while true {
            if CancellationCheck.isRequested { throw .stopped }
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, 100)
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw .lost(Self.reason(errno)) }
            waited += 100
            if seconds > 0, waited >= seconds * 1000 { throw .timedOut(seconds) }
        }
    }

    /// The system's words for an error number, starting lowercase.
    static func reason(_ number: Int32) -> String {
        let text = String(cString: strerror(number))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
