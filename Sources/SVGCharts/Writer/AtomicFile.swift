#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole files so readers never see half of one: temporary file, fsync, rename.
enum AtomicFile {
    /// Replaces `path` with `bytes`; on failure the old file, if any, is untouched.
    static func write(_ bytes: [UInt8], to path: String) throws(ChartError) {
        guard !path.isEmpty else { throw ChartError("cannot write chart: empty file name") }
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = mkstemp(&template)  // a fresh name, so concurrent writers never share a temporary
        guard fd >= 0 else { throw failure(path) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        /// The error for the failure that just happened, after closing (if still open) and removing the temporary.
        func abandon(closing: Bool) -> ChartError {
            let error = failure(path)
            if closing { close(fd) }
            unlink(temporary)
            return error
        }
        fchmod(fd, 0o644)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { writeSome(fd, $0) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw abandon(closing: true) }
            written += n
        }
        guard fsync(fd) == 0 else { throw abandon(closing: true) }
        guard close(fd) == 0 else { throw abandon(closing: false) }
        guard rename(temporary, path) == 0 else { throw abandon(closing: false) }
    }

    /// `cannot write 'path': reason` from the current `errno`.
    private static func failure(_ path: String) -> ChartError {
        ChartError("cannot write '\(path)': \(String(cString: strerror(errno)).lowercased())")
    }
}

/// One `write(2)` call; outside `AtomicFile` so the name means the C function.
private func writeSome(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
    write(fd, buffer.baseAddress, buffer.count)
}
