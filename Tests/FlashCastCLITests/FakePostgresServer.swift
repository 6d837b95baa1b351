import Dispatch
import Foundation
import TestSupport

/// A listening socket on 127.0.0.1 that speaks just enough of PostgreSQL's protocol to ask a
/// client for its password in clear text: it shows whether a client connected and what it sent.
final class FakePostgresServer: @unchecked Sendable {
    private let listener: Int32
    /// The port it listens on.
    let port: Int

    init() throws {
        (listener, port) = try listenOnLoopback()
    }

    deinit { close(listener) }

    /// Whether a client has connected (a connection waits in the backlog until accepted).
    func hasPendingConnection() -> Bool {
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    /// Starts accepting one client in the background: it refuses SSL and GSS encryption, asks for a
    /// clear-text password, and hands what came to `received` (nil when no client came in 60 s).
    func collectPassword() -> PasswordBox {
        let box = PasswordBox()
        DispatchQueue.global().async { [self] in
            box.set(receivePassword())
        }
        return box
    }

    private func receivePassword() -> String? {
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 60_000) > 0 else { return nil }
        let client = accept(listener, nil, nil)
        guard client >= 0 else { return nil }
        defer { close(client) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while true {  // SSLRequest and GSSENCRequest come before the startup packet
            guard let length = readInt(client), let body = read(client, count: Int(length) - 4), body.count >= 4 else { return nil }
            let code = body.prefix(4).reduce(0) { $0 << 8 | Int($1) }
            guard code == 80_877_103 || code == 80_877_104 else { break }
            _ = write(client, "N", 1)
        }
        let cleartextRequest: [UInt8] = [UInt8(ascii: "R"), 0, 0, 0, 8, 0, 0, 0, 3]
        _ = write(client, cleartextRequest, cleartextRequest.count)
        guard read(client, count: 1) == [UInt8(ascii: "p")], let length = readInt(client),
              let password = read(client, count: Int(length) - 4) else { return nil }
        return String(decoding: password.prefix { $0 != 0 }, as: UTF8.self)
    }

    private func readInt(_ socket: Int32) -> Int32? {
        read(socket, count: 4).map { $0.reduce(Int32(0)) { $0 << 8 | Int32($1) } }
    }

    private func read(_ socket: Int32, count: Int) -> [UInt8]? {
        guard count >= 0, count < 1 << 16 else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + done, count - done, 0) }
            guard got > 0 else { return nil }
            done += got
        }
        return bytes
    }
}

/// What the fake server received, filled in from its background queue.
final class PasswordBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var password: String?

    fileprivate func set(_ value: String?) {
        password = value
        done.signal()
    }

    /// Waits for the server's client to be served (or for it to give up) and returns the password sent.
    func wait() -> String? {
        done.wait()
        return password
    }
}
