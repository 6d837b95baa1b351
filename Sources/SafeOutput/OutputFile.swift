#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import OutputShim

/// One output being written, the one way FlashCast writes a file.
///
/// A regular file (or a missing one) is replaced atomically: the bytes go to a temporary file in the
/// same folder (`.NAME.partial-XXXXXXXX`), flushed and renamed over it by ``commit()``, so readers
/// see the old file or the new one and a crash (even `kill -9`) leaves the old one. A symbolic link
/// stays a link and its target is written; a device or FIFO is written in place; `-` is standard
/// output. Temporaries are removed on SIGINT, SIGTERM, SIGHUP, SIGPIPE and at exit.
public final class OutputFile {
    /// The path as it was given.
    public let path: String
    private var output = oshim_Output()
    private var buffer: [UInt8] = []
    private var open = true

    /// Opens `path` for writing; with `confinedTo` (a resolved folder) the file must lie inside it,
    /// whatever links or folders are swapped in meanwhile, and be a regular file or missing.
    /// `readable` opens the temporary for reading too; `permissions` are a new file's (before the umask).
    public init(_ path: String, confinedTo folder: String? = nil, readable: Bool = false, permissions: mode_t = 0o666)
        throws(OutputError)
    {
        self.path = path
        guard !path.isEmpty, !path.utf8.contains(0) else {  // C would read "" as the folder, "a\0b" as "a"
            open = false
            throw OutputError(path: path, reason: path.isEmpty ? "no such file or directory" : "the name holds a zero byte")
        }
        let flags = (readable ? OSHIM_READABLE.rawValue : 0) | (folder == nil ? OSHIM_DASH_IS_STDOUT.rawValue : 0)
        let code = oshim_open(path, folder, Int32(flags), permissions, &output)
        guard code == 0 else {
            open = false
            throw OutputError(path: path, code: code, confine: folder)
        }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit { discard() }

    /// Appends `bytes`; they reach the file in large blocks (a large contiguous one as it is, not copied).
    public func write(_ bytes: some Collection<UInt8>) throws(OutputError) {
        guard bytes.count < Self.bufferSize else {
            try flush()
            return try writeAll(bytes)
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws(OutputError) {
        try write(text.utf8)
    }

    /// Writes what is buffered, flushes it to disk and puts the file in place.
    public func commit() throws(OutputError) {
        guard open else { throw OutputError(path: path, reason: "already closed") }
        try writeBuffered()
        open = false
        let code = oshim_commit(&output)
        guard code == 0 else { throw OutputError(path: path, code: code) }
    }

    /// Writes what is buffered (to the temporary, or in place to a device), so that an output set
    /// sees every write fail before it puts any file in place; on failure the output is discarded.
    func writeBuffered() throws(OutputError) {
        do {
            try flush()
        } catch {
            discard()
            throw error
        }
    }

    /// Abandons the output: the temporary is removed and the target left as it was.
    public func discard() {
        guard open else { return }
        open = false
        oshim_discard(&output)
    }

    /// The temporary's path, for a library that writes a file by name (libedit's history); nil in place.
    public var temporaryPath: String? {
        var text = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard oshim_temporary_path(&output, &text, text.count) == 0 else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `bytes` to `path` and commits.
    public static func write(_ bytes: some Collection<UInt8>, to path: String, confinedTo folder: String? = nil)
        throws(OutputError)
    {
        let file = try OutputFile(path, confinedTo: folder)
        try file.write(bytes)
        try file.commit()
    }

    /// Removes every temporary file of the process (outputs not yet committed then fail to commit).
    /// Async-signal-safe in C as `oshim_remove_temporaries()`: for watchdogs and signal handlers.
    public static func removeAllTemporaries() {
        oshim_remove_temporaries()
    }

    private static let bufferSize = 1 << 16

    private func flush() throws(OutputError) {
        try writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` whole, from their own storage when it is contiguous.
    private func writeAll(_ bytes: some Collection<UInt8>) throws(OutputError) {
        let written = bytes.withContiguousStorageIfAvailable { bytes in
            Result { () throws(OutputError) in try writeAll(UnsafeRawBufferPointer(bytes)) }
        }
        try (written ?? Array(bytes).withUnsafeBytes { bytes in Result { () throws(OutputError) in try writeAll(bytes) } }).get()
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        var written = 0
        while written < bytes.count {
            let count = writeSome(output.fd, UnsafeRawBufferPointer(rebasing: bytes[written...]))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw OutputError(path: path, code: count < 0 ? errno : EIO) }
            written += count
        }
    }
}

/// One `write(2)` call; outside `OutputFile` so the name means the C function.
private func writeSome(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    write(fd, bytes.baseAddress, bytes.count)
}
