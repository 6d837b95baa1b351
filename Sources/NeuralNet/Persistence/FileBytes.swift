#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads with the operating system's reasons in errors
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
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(bytes.count)) }
            guard count >= 0 else { throw .io(path: path, reason: "cannot read: \(systemReason())") }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
}
