import Foundation

/// Whole-file reads and atomic writes with the operating system's reasons in errors
/// (`cannot read: No such file or directory`, as Lua's `io.open` says).
enum FileBytes {
    /// The contents of the file at `path`.
    static func read(_ path: String) throws(ModelFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot read: \(systemReason())") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw .io(path: path, reason: "cannot read: \(systemReason())") }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Writes `bytes` to a temporary file in the folder of `path`, flushes it to disk and renames
    /// it over `path`, so readers see the old file or the new one, never half of one.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws(ModelFileError) {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot write: \(systemReason())") }
        let temporary = template.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { String(cString: $0) } ?? path }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { break }
            written += count
        }
        let failed = written < bytes.count || fchmod(descriptor, 0o644) != 0 || fsync(descriptor) != 0
        let reason = systemReason()
        close(descriptor)
        guard !failed, rename(temporary, path) == 0 else {
            let message = failed ? reason : systemReason()
            unlink(temporary)
            throw .io(path: path, reason: "cannot write: \(message)")
        }
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
}
