import Glibc
import SafeOutput

/// Where a sandboxed script may read and write: writes only inside one output folder, reads only
/// from the inputs named (files, folders or streams), the output folder and the script itself.
public struct FileAccessPolicy: Sendable, Equatable {
    /// The output folder, resolved to an absolute path without links.
    public let outputFolder: String
    /// Readable files and folders, resolved.
    public let readable: [String]
    /// Readable streams (`/dev/stdin`, a shell's `<(zcat orders.csv.gz)`), by the name given: a
    /// pipe has no path to resolve, so only that name reaches it.
    public let streams: [String]

    /// Creates a policy; the output folder is created if missing. Paths that do not exist are refused.
    public init(outputFolder folder: String, readable: [String]) throws(SandboxError) {
        mkdir(folder, 0o755)
        guard let output = ResolvedPath.existing(folder) else { throw SandboxError("cannot use output folder '\(folder)'") }
        var resolved = [output], streams: [String] = []
        for path in readable {
            if let real = ResolvedPath.existing(path) {
                resolved.append(real)
            } else if ResolvedPath.isStream(path) {
                streams.append(path)
            } else {
                throw SandboxError("cannot read input '\(PrintableText.escaped(path))'")
            }
        }
        outputFolder = output
        self.readable = resolved
        self.streams = streams
    }

    /// The resolved path of `path` if a script may read it (a named stream: its name).
    /// A missing file in a readable folder passes, so opening it fails as usual ("No such file").
    public func checkRead(_ path: String) throws(SandboxError) -> String {
        if streams.contains(path) { return path }
        guard let real = ResolvedPath.existing(path) ?? ResolvedPath.entry(path),
            readable.contains(where: { ResolvedPath.isInside(real, $0) })
        else {
            throw SandboxError("reading '\(PrintableText.escaped(path))' is not allowed in the sandbox (inputs are named with --input)")
        }
        return real
    }

    /// The resolved entry of `path` (a link stays the link, for `os.remove` and `os.rename`) if a
    /// script may write it: the entry is inside the output folder, and so is the file writing it
    /// creates or replaces, through symbolic links (dangling ones too).
    public func checkWrite(_ path: String) throws(SandboxError) -> String {
        guard let entry = ResolvedPath.entry(path), ResolvedPath.isInside(ResolvedPath.split(entry).folder, outputFolder) else {
            throw SandboxError("writing '\(PrintableText.escaped(path))' is not allowed in the sandbox (only inside '\(outputFolder)')")
        }
        guard let target = ResolvedPath.writeTarget(entry),
            ResolvedPath.isInside(ResolvedPath.split(target).folder, outputFolder)
        else {
            throw SandboxError("writing '\(PrintableText.escaped(path))' is not allowed in the sandbox (it links outside '\(outputFolder)')")
        }
        return entry
    }
}

/// A refusal by the sandbox, in Lua's style.
public struct SandboxError: Error, Equatable, CustomStringConvertible {
    /// The message.
    public let description: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        description = message
    }
}

extension LuaCall {
    /// The sandbox's file policy of this state, or nil when scripts may touch any file.
    public var fileAccess: FileAccessPolicy? {
        state?.hostValues[FileAccessPolicy.hostKey] as? FileAccessPolicy
    }

    /// The path argument at `index`, checked for reading against the sandbox policy.
    public func readablePath(_ index: Int32) throws(LuaError) -> String {
        let path = try string(index)
        guard let policy = fileAccess else { return path }
        do { return try policy.checkRead(path) } catch { throw .message(error.description) }
    }

    /// The path argument at `index`, checked for writing against the sandbox policy.
    public func writablePath(_ index: Int32) throws(LuaError) -> String {
        let path = try string(index)
        guard let policy = fileAccess else { return path }
        do { return try policy.checkWrite(path) } catch { throw .message(error.description) }
    }
}

extension FileAccessPolicy {
    /// Where a sandboxed state keeps its policy in `LuaState.hostValues`.
    public static let hostKey = "sandbox.files"
}
