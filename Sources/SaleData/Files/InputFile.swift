#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SafeOutput

/// Opening and reading the files SaleData's readers take, with the reason in the error, as Lua's
/// `io.open` gives it: `cannot open 'orders.csv': no such file or directory`.
public enum InputFile {
    /// The file's name without its folders, as messages name it: `orders.csv` for `data/orders.csv`.
    public static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// A descriptor open for reading `path`, which must not be a folder.
    static func descriptor(_ path: String) throws(InputFileError) -> Int32 {
        guard !path.utf8.contains(0) else { throw InputFileError(path: path, reason: "the name holds a zero byte") }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw InputFileError(path: path, code: errno) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(descriptor)
            throw InputFileError(path: path, code: EISDIR)
        }
        return descriptor
    }

    /// The whole contents of the file at `path`.
    static func bytes(_ path: String) throws(InputFileError) -> [UInt8] {
        let file = try descriptor(path)
        defer { close(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            guard count >= 0 else {
                if errno == EINTR { continue }
                throw InputFileError(path: path, code: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
        }
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
        "cannot open '\(ResolvedPath.printable(path))': \(reason)"
    }
}
