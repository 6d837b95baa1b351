#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths resolved as the system resolves them, to tell which file a path names: the one home of
/// these rules for the writer's clash checks (``FileIdentity``) and the sandbox's confinement.
public enum ResolvedPath {
    /// `path` made absolute with every symbolic link, `.` and `..` resolved; nil when it does not exist.
    public static func existing(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// The directory entry `path` names, as `unlink` and `rename` see it: its folder resolved, its
    /// last name kept (a link stays the link); nil when the folder does not exist or the last name
    /// is `.` or `..`.
    public static func entry(_ path: String) -> String? {
        let (folder, name) = split(path)
        guard !name.isEmpty, name != ".", name != "..", let real = existing(folder) else { return nil }
        return (real == "/" ? "" : real) + "/" + name
    }

    /// The file that writing `path` creates or replaces: the ``entry(_:)`` at the end of the
    /// symbolic links `path` ends in, dangling ones too (writing creates their target); nil as for
    /// ``entry(_:)``, or after 40 links (a loop).
    public static func writeTarget(_ path: String) -> String? {
        var target = path
        for _ in 0..<40 {
            guard let link = linkText(target) else { return entry(target) }
            target = link.hasPrefix("/") ? link : split(target).folder + "/" + link
        }
        return nil
    }

    /// Whether `path` names a pipe or socket (`/dev/stdin`, a shell's `<(...)`), which can be read once.
    public static func isStream(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT == S_IFIFO || info.st_mode & S_IFMT == S_IFSOCK
    }

    /// `path` made absolute without looking at the file system.
    public static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + path
    }

    /// Whether `path` is `folder` or inside it (both resolved).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The folder part (`.` for a bare name, `/` at the root) and the last name of `path`.
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// The text of the symbolic link at `path`, or nil when it is not one.
    private static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
