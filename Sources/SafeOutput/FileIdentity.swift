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
    /// A file that does not exist yet, by the path writing it would create (``ResolvedPath/writeTarget(_:)``,
    /// else the path made absolute: its folder is missing too).
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
        self = .missing(ResolvedPath.writeTarget(path) ?? ResolvedPath.absolute(path))
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
}
