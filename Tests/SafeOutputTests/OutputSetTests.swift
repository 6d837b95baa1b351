import Foundation
import Glibc
import SafeOutput
import TemporaryFolders
import Testing

/// A command's outputs commit together, and no output may be an input or another output.
@Suite struct OutputSetTests {
    @Test func aFailingLaterOutputLeavesTheEarlierUnwritten() throws {
        let folder = TemporaryFolder("outputs-together")
        defer { folder.remove() }
        let first = try folder.write("a.csv", "old")
        #expect(throws: OutputError.self) {
            let outputs = OutputSet()
            try outputs.add(first, "new".utf8)
            try outputs.add(folder.file("missing/b.svg"), "<svg/>".utf8)
            try outputs.commit()
        }
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "old")
        #expect(try folder.contents() == ["a.csv"])
    }

    /// A device written in place fails only when its bytes are written: that happens before any
    /// file of the set is put in place (`-o out.csv --svg /dev/full` left out.csv written).
    @Test func aFullDeviceLaterInTheSetLeavesTheEarlierFilesUnwritten() throws {
        let folder = TemporaryFolder("outputs-device")
        defer { folder.remove() }
        let first = try folder.write("a.csv", "old")
        #expect(throws: OutputError(path: "/dev/full", reason: "no space left on device")) {
            let outputs = OutputSet()
            try outputs.add(first, "new".utf8)
            try outputs.add("/dev/full", "<svg/>".utf8)
            try outputs.commit()
        }
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "old")
        #expect(try folder.contents() == ["a.csv"])
    }

    @Test func allOutputsAppearAtTheCommit() throws {
        let folder = TemporaryFolder("outputs-commit")
        defer { folder.remove() }
        let outputs = OutputSet()
        try outputs.add(folder.file("a.csv"), "a".utf8)
        try outputs.add(folder.file("b.svg"), "b".utf8)
        #expect(try folder.contents().allSatisfy { $0.contains(".partial-") })
        try outputs.commit()
        #expect(try folder.contents() == ["a.csv", "b.svg"])
    }

    @Test func clashesAreFoundByInodeOrResolvedPath() throws {
        let folder = TemporaryFolder("outputs-clash")
        defer { folder.remove() }
        let sale = try folder.write("sale.csv", "x")
        symlink(sale, folder.file("alias.csv"))
        link(sale, folder.file("hard.csv"))
        let inputs = [(label: "the input", path: sale)]
        #expect(FileIdentity.firstClash(outputs: [("-o", sale)], inputs: inputs)
            == "-o '\(sale)' is the same file as the input '\(sale)': it would be overwritten")
        #expect(FileIdentity.firstClash(outputs: [("-o", folder.file("alias.csv"))], inputs: inputs) != nil)
        #expect(FileIdentity.firstClash(outputs: [("-o", folder.file("hard.csv"))], inputs: inputs) != nil)
        let relative = folder.path + "/./x.csv"
        #expect(FileIdentity.firstClash(outputs: [("-o", folder.file("x.csv")), ("--svg", relative)], inputs: [])
            == "--svg '\(relative)' is the same file as -o '\(folder.file("x.csv"))'")
        #expect(FileIdentity.firstClash(outputs: [("-o", "-"), ("--svg", "-")], inputs: []) != nil)
        #expect(FileIdentity.firstClash(outputs: [("-o", folder.file("y.csv")), ("--svg", folder.file("y.svg"))], inputs: inputs) == nil)
        mkfifo(folder.file("fifo"), 0o600)
        #expect(FileIdentity.firstClash(outputs: [("-o", folder.file("fifo")), ("--svg", folder.file("fifo"))], inputs: []) == nil)
    }
}
