#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, to tell whether two paths are the same file: a device and inode when it
/// exists, the resolved path when it does not yet. Devices, FIFOs and sockets never clash (writing
/// one clobbers nothing), and `-` is standard output.
public enum FileIdentity: Hashable, Sendable {
    /// An existing regular file or folder.
    case file(device: UInt64, inode: UInt64)
    /// A file that does not exist yet, by its resolved absolute path.
    case missing(String)
    /// Standard output (`-`).
    case standardOutput
    /// A device, FIFO or socket: shared, never a clash.
    case stream

    /// The identity of `path`, following symbolic links.
    public init(_ path: String) {
        if path == "-" {
            self = .standardOutput
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = info.st_mode & S_IFMT
            self = kind == S_IFREG || kind == S_IFDIR ? .file(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) : .stream
            return
        }
        self = .missing(Self.resolveMissing(path))
    }

    /// Whether writing to `self` could clobber `other`.
    public func clashes(with other: FileIdentity) -> Bool {
        self == other && self != .stream
    }

    /// The first pair of clashing paths: an output that is an input, or two outputs that are the
    /// same file, with the labels given (`-o`, `--svg`, `the input`), as a usage message.
    public static func firstClash(outputs: [(label: String, path: String)], inputs: [(label: String, path: String)])
        -> String?
    {
        let outputIDs = outputs.map { FileIdentity($0.path) }
        for (index, output) in outputs.enumerated() {
            for input in inputs where outputIDs[index].clashes(with: FileIdentity(input.path)) && outputIDs[index] != .standardOutput {
                return "\(output.label) '\(output.path)' is the same file as \(input.label) '\(input.path)': it would be overwritten"
            }
            for earlier in outputs[..<index].indices where outputIDs[index].clashes(with: outputIDs[earlier]) {
                return "\(output.label) '\(output.path)' is the same file as \(outputs[earlier].label) '\(outputs[earlier].path)'"
            }
        }
        return nil
    }

    /// The path of a missing file with its links and its folder resolved (lexically where the folder is missing too).
    private static func resolveMissing(_ path: String) -> String {
        var target = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(target, &buffer, buffer.count - 1)
            guard length > 0 else { break }
            let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            target = link.hasPrefix("/") ? link : folder(of: target) + "/" + link
        }
        let name = target.split(separator: "/").last.map(String.init) ?? target
        guard let real = realpath(folder(of: target), nil) else { return absolute(target) }
        defer { free(real) }
        let resolved = String(cString: real)
        return (resolved == "/" ? "" : resolved) + "/" + name
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }
}
