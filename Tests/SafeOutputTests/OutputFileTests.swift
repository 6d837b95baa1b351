import Foundation
import Glibc
import SafeOutput
import TemporaryFolders
import Testing

/// The one writer's rules: regular files replaced atomically, links written through, devices and
/// FIFOs in place, confinement checked on descriptors, temporaries never left behind.
@Suite struct OutputFileTests {
    private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func replacesARegularFileAtomicallyKeepingItsPermissions() throws {
        let folder = TemporaryFolder("output-replace")
        defer { folder.remove() }
        let path = try folder.write("a.csv", "old")
        chmod(path, 0o640)
        let file = try OutputFile(path)
        try file.write("new")
        #expect(try text(path) == "old")  // nothing visible before the commit
        #expect(try folder.contents().count == 2)
        try file.commit()
        #expect(try text(path) == "new")
        #expect(try folder.contents() == ["a.csv"])
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
    }

    @Test func largeWritesLandWholeAndInOrder() throws {
        let folder = TemporaryFolder("output-large")
        defer { folder.remove() }
        // past the 64 KiB buffer: a String's own bytes, an array, bytes not stored together, small ones between
        let text = String(repeating: "0123456789,", count: 20_000)
        let file = try OutputFile(folder.file("large.csv"))
        try file.write("head\n")
        try file.write(text)
        try file.write(Array(text.utf8.reversed()))
        try file.write(repeatElement(UInt8(ascii: "x"), count: 70_000))
        try file.write("tail")
        try file.commit()
        let expected = "head\n" + text + String(text.reversed()) + String(repeating: "x", count: 70_000) + "tail"
        #expect(try self.text(folder.file("large.csv")) == expected)
    }

    @Test func aNewFileGetsTheRequestedPermissionsUnderTheUmask() throws {
        let folder = TemporaryFolder("output-new")
        defer { folder.remove() }
        let path = folder.file("history")
        try OutputFile.write("x".utf8, to: path)
        let private_ = try OutputFile(folder.file("private"), permissions: 0o600)
        try private_.commit()
        var info = stat()
        stat(folder.file("private"), &info)
        #expect(info.st_mode & 0o777 == 0o600)
        stat(path, &info)
        #expect(info.st_mode & 0o600 == 0o600)
    }

    @Test func discardingOrForgettingLeavesTheOldFile() throws {
        let folder = TemporaryFolder("output-discard")
        defer { folder.remove() }
        let path = try folder.write("a.csv", "old")
        let file = try OutputFile(path)
        try file.write("half")
        file.discard()
        do {
            let forgotten = try OutputFile(path)
            try forgotten.write("half")
        }
        #expect(try text(path) == "old")
        #expect(try folder.contents() == ["a.csv"])
    }

    @Test func writesThroughASymbolicLinkToItsTarget() throws {
        let folder = TemporaryFolder("output-link")
        defer { folder.remove() }
        let target = try folder.write("target.csv", "old")
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: false)
        symlink("../target.csv", folder.file("sub/link.csv"))
        symlink("missing.csv", folder.file("dangling.csv"))
        try OutputFile.write("new".utf8, to: folder.file("sub/link.csv"))
        try OutputFile.write("created".utf8, to: folder.file("dangling.csv"))
        #expect(try text(target) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("sub/link.csv")) == "../target.csv")
        #expect(try text(folder.file("missing.csv")) == "created")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("dangling.csv")) == "missing.csv")
        #expect(try folder.contents() == ["dangling.csv", "missing.csv", "sub", "target.csv"])
    }

    @Test func writesAFIFOInPlace() throws {
        let folder = TemporaryFolder("output-fifo")
        defer { folder.remove() }
        let path = folder.file("pipe")
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)  // a reader waiting, so the writer need not block
        defer { close(reader) }
        try OutputFile.write("through the pipe".utf8, to: path)
        #expect(readAll(reader) == "through the pipe")
        var info = stat()
        lstat(path, &info)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
    }

    /// Only on a device node of our own (`mknod x c 1 3`, the null device's numbers), and only as root.
    @Test(.enabled(if: geteuid() == 0)) func writesADeviceNodeInPlace() throws {
        let folder = TemporaryFolder("output-device")
        defer { folder.remove() }
        let path = folder.file("null")
        #expect(mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        try OutputFile.write("gone".utf8, to: path)
        var info = stat()
        lstat(path, &info)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
        #expect(try folder.contents() == ["null"])
    }

    @Test func reportsFailuresInLuasWords() throws {
        let folder = TemporaryFolder("output-errors")
        defer { folder.remove() }
        #expect(throws: OutputError(path: "/nonexistent-dir/a.csv", reason: "no such file or directory")) {
            try OutputFile.write("x".utf8, to: "/nonexistent-dir/a.csv")
        }
        #expect(throws: OutputError(path: folder.path, reason: "is a directory")) {
            try OutputFile.write("x".utf8, to: folder.path)
        }
        #expect(OutputError(path: "a.csv", reason: "no space left on device").description
            == "cannot write 'a.csv': no space left on device")
        #expect(throws: OutputError(path: "", reason: "no such file or directory")) { try OutputFile.write("x".utf8, to: "") }
        let cut = folder.file("a")
        #expect(throws: OutputError(path: cut + "\0b", reason: "the name holds a zero byte")) {
            try OutputFile.write("x".utf8, to: cut + "\0b")
        }
        #expect(OutputError(path: "a\0b", reason: "the name holds a zero byte").description
            == "cannot write 'a\\0b': the name holds a zero byte")
        // one escaping for names in messages and cells in tables: a line break cannot split the message
        #expect(OutputError(path: "a\nb\t\u{1B}.csv", reason: "no such file or directory").description
            == "cannot write 'a\\nb\\t\\27.csv': no such file or directory")
        #expect(!FileManager.default.fileExists(atPath: cut))
    }

    @Test func confinementRefusesWhatLeavesTheFolder() throws {
        let root = TemporaryFolder("output-confine")
        defer { root.remove() }
        let inside = root.file("out"), outside = root.file("outside")
        mkdir(inside, 0o755)
        mkdir(outside, 0o755)
        symlink(outside + "/x.csv", inside + "/dangling.csv")
        symlink(outside, inside + "/sub")
        mknod(inside + "/fifo", S_IFIFO | 0o600, 0)
        let real = try #require(realpath(inside, nil).map { String(cString: $0) })
        for name in ["dangling.csv", "sub/y.csv"] {
            #expect(throws: OutputError(path: inside + "/" + name, reason: "it links outside '\(real)'", refused: true)) {
                try OutputFile.write("x".utf8, to: inside + "/" + name, confinedTo: real)
            }
        }
        #expect(throws: OutputError(path: inside + "/fifo", reason: "it is not a regular file", refused: true)) {
            try OutputFile.write("x".utf8, to: inside + "/fifo", confinedTo: real)
        }
        try OutputFile.write("fine".utf8, to: inside + "/ok.csv", confinedTo: real)
        #expect(try text(inside + "/ok.csv") == "fine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}

/// What a FIFO's writers wrote, to the end (the descriptor made blocking first).
func readAll(_ fd: Int32) -> String {
    _ = fcntl(fd, F_SETFL, 0)
    return String(decoding: FileHandle(fileDescriptor: fd, closeOnDealloc: false).readDataToEndOfFile(), as: UTF8.self)
}
