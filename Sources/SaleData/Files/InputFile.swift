#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Cancellation
import SafeOutput
import Synchronization

/// Opening and reading the files SaleData's readers take, with the reason in the error, as Lua's
/// `io.open` gives it: `cannot open 'orders.csv': no such file or directory`.
public enum InputFile {
    /// The file's name without its folders, as messages name it: `orders.csv` for `data/orders.csv`.
    public static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A descriptor open for reading `path` by offset (`pread`), which must not be a folder.
    ///
    /// A stream (a pipe, FIFO or socket: `/dev/stdin`, a shell's `<(zcat orders.csv.gz)`) can be read only
    /// once and not by offset, while the readers look at a file's start before reading it, some of
    /// them twice: the first open copies a stream into an unlinked temporary file, and every open of
    /// that path then reads the copy.
    static func descriptor(_ path: String) throws(InputFileError) -> Int32 {
        guard !path.utf8.contains(0) else { throw InputFileError(path: path, reason: "the name holds a zero byte") }
        if let copy = streamCopies.withLock({ $0[path] }) { return dup(copy) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputFileError(path: path, code: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return descriptor }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            close(descriptor)
            throw InputFileError(path: path, code: EISDIR)
        case S_IFIFO, S_IFSOCK:
            defer { close(descriptor) }
            let copy = try copyStream(descriptor, path: path)
            streamCopies.withLock { $0[path] = copy }
            return dup(copy)
        default:
            return descriptor
        }
    }

    /// The copies of the streams read so far, by path (kept open until the process ends).
    private static let streamCopies = Mutex<[String: Int32]>([:])

    /// Copies what `stream` holds until its end into an unlinked file in `TMPDIR` (or /tmp).
    private static func copyStream(_ stream: Int32, path: String) throws(InputFileError) -> Int32 {
        var template = Array(((getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp") + "/.flashcast-input-XXXXXX").utf8CString)
        let copy = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard copy >= 0 else { throw InputFileError(path: path, code: errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            guard !CancellationCheck.isRequested else { return try failed(copy, path: path, code: EINTR) }
            let count = chunk.withUnsafeMutableBytes { read(stream, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return try failed(copy, path: path, code: errno) }
            if count == 0 { return copy }
            var written = 0
            while written < count {
                let done = chunk.withUnsafeBytes { write(copy, $0.baseAddress! + written, count - written) }
                if done < 0, errno == EINTR { continue }
                guard done > 0 else { return try failed(copy, path: path, code: done < 0 ? errno : ENOSPC) }
                written += done
            }
        }
    }

    private static func failed(_ copy: Int32, path: String, code: Int32) throws(InputFileError) -> Int32 {
        close(copy)
        throw InputFileError(path: path, code: code)
    }

    /// The whole contents of the file at `path`.
    static func bytes(_ path: String) throws(InputFileError) -> [UInt8] {
        let file = try descriptor(path)
        defer { close(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, off_t(bytes.count)) }
            guard count >= 0 else {
                if errno == EINTR { continue }
                throw InputFileError(path: path, code: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    /// Up to the first `count` bytes of the file at `path`, or nil when it cannot be read.
    static func head(_ path: String, count: Int) -> [UInt8]? {
        guard let file = try? descriptor(path) else { return nil }
        defer { close(file) }
        var start = [UInt8](repeating: 0, count: count)
        let got = start.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, 0) }
        return got >= 0 ? Array(start.prefix(got)) : nil
    }
}

/// Why an input could not be read: `cannot open 'path': reason` (a zero byte in the name shown as `\0`).
struct InputFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)).lowercased())
    }

    var description: String {
        "cannot open '\(PrintableText.escaped(path))': \(reason)"
    }
}
