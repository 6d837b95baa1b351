/// The outputs of one command, committed together: each is written to its temporary first and all
/// are renamed at the end, so a failure in a later output leaves the earlier ones unwritten.
public final class OutputSet {
    private var files: [OutputFile] = []

    /// An empty set.
    public init() {}

    /// Opens `path` and writes `bytes` to it; the file is put in place by ``commit()``.
    public func add(_ path: String, _ bytes: some Collection<UInt8>) throws(OutputError) {
        let file = try open(path)
        try file.write(bytes)
    }

    /// Opens `path` for writing; the file is put in place by ``commit()``.
    public func open(_ path: String) throws(OutputError) -> OutputFile {
        let file = try OutputFile(path)
        files.append(file)
        return file
    }

    /// Writes every output's last bytes, then puts each in place in the order they were opened; a
    /// write that fails (a full disk, a device such as /dev/full) leaves every file as it was.
    public func commit() throws(OutputError) {
        defer { files.removeAll() }
        do {
            for file in files { try file.writeBuffered() }
        } catch {
            for file in files { file.discard() }
            throw error
        }
        for (index, file) in files.enumerated() {
            do {
                try file.commit()
            } catch {
                for rest in files[(index + 1)...] { rest.discard() }
                throw error
            }
        }
    }
}
