import SafeOutput

extension LuaCall {
    /// Writes the file at `path` with `body` through the one atomic writer (``OutputFile``) and
    /// commits it; returns nil, or the message of an expected failure for `nil, message`
    /// (`cannot write 'x.csv': no such file or directory`).
    ///
    /// In a sandboxed state the path is checked against the policy and the file confined to the
    /// output folder (a link or folder swapped in cannot move it out); a refusal raises.
    public func writeOutput(_ path: String, _ body: (OutputFile) throws -> Void) throws(LuaError) -> String? {
        var target = path
        let folder = fileAccess?.outputFolder
        if let policy = fileAccess {
            do { target = try policy.checkWrite(path) } catch { throw .message(error.description) }
        }
        do {
            let file = try OutputFile(target, confinedTo: folder)
            try body(file)
            try file.commit()
            return nil
        } catch let error as OutputError where error.refused {
            throw .message(error.description)
        } catch {
            return String(describing: error)
        }
    }

    /// ``writeOutput(_:_:)`` for the path argument at `index` and `bytes`; pushes `true` or `nil, message`.
    public func writeOutput(at index: Int32, _ bytes: some Collection<UInt8>) throws(LuaError) -> Int32 {
        let path = try string(index)
        if let message = try writeOutput(path, { file in try file.write(bytes) }) { return failure(message) }
        push(true)
        return 1
    }
}
