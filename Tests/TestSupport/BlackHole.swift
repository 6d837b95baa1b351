import Foundation

/// A TCP server on 127.0.0.1 that takes connections (the kernel completes them) and never answers.
public final class BlackHole {
    /// The port it listens on.
    public let port: Int
    private let descriptor: Int32

    /// Listens on a free port of 127.0.0.1.
    public init() throws {
        (descriptor, port) = try listenOnLoopback()
    }

    /// Stops listening.
    public func close() { _ = Foundation.close(descriptor) }

    /// A port nothing listens on (bound, then closed).
    public static func freePort() throws -> Int {
        let hole = try BlackHole()
        hole.close()
        return hole.port
    }
}

/// A TCP socket listening on a free port of 127.0.0.1 (a backlog of 8): its descriptor and port.
public func listenOnLoopback() throws -> (descriptor: Int32, port: Int) {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
            bind(descriptor, generic, length) == 0 && listen(descriptor, 8) == 0
                && getsockname(descriptor, generic, &length) == 0
        }
    }
    guard descriptor >= 0, bound else {
        let failure = POSIXError(.init(rawValue: errno) ?? .EADDRNOTAVAIL)
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
        throw failure
    }
    return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
}
