import Foundation

/// Writes files atomically: a temporary file in the same folder, then a rename over the target,
/// so readers never see a half-written file.
enum AtomicFile {
    /// Replaces the file at `path` with `data`.
    static func write(_ data: Data, to path: String) throws {
        try write(to: path) { handle in try handle.write(contentsOf: data) }
    }

    /// Replaces the file at `path` with what `body` writes to the temporary file's handle.
    static func write(to path: String, _ body: (FileHandle) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw SeriesError(description: "cannot write '\(path)'")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try body(handle)
            try handle.synchronize()
            if rename(temporary.path, url.path) != 0 {
                throw SeriesError(description: "cannot write '\(path)'")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
