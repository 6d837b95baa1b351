import Glibc
import LuaBridge
import SafeOutput

extension ArgsLibrary {
    static let folder = LuaLibraryFunction(
        "folder", "args.folder(path) -> path | nil, message",
        """
        Makes sure the output folder a script writes its charts and CSVs to exists, creating it and its \
        parents when missing, and returns its path. In a sandboxed run it must lie inside the --output folder.
        """
    ) { call in
        let path = try call.string(1)
        if let policy = call.fileAccess, ResolvedPath.existing(path) != policy.outputFolder, (try? policy.checkWrite(path)) == nil {
            throw LuaError.message("writing '\(PrintableText.escaped(path))' is not allowed in the sandbox (only inside '\(policy.outputFolder)')")
        }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                return call.failure("cannot create folder '\(prefix)': \(String(cString: strerror(errno)))")
            }
            prefix += "/"
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            return call.failure("'\(path)' is not a folder")
        }
        call.push(path)
        return 1
    }
}
