import Foundation
import LuaBridge
import TemporaryFolders
import Testing
import TestSupport

@Suite struct FileAccessPolicyTests {
    @TemporaryFolder("flashcast-policy") var root
    var output: String { root.appendingPathComponent("out").path }

    func policy() throws -> FileAccessPolicy {
        let input = root.appendingPathComponent("in.csv").path
        _ = FileManager.default.createFile(atPath: input, contents: Data("a".utf8))
        return try FileAccessPolicy(outputFolder: output, readable: [input])
    }

    @Test func writesOnlyInsideTheOutputFolder() throws {
        let policy = try policy()
        #expect(try policy.checkWrite(output + "/chart.svg") == policy.outputFolder + "/chart.svg")
        for path in [root.path + "/x.txt", output + "/../x.txt", output, "/etc/passwd", output + "/missing/x.svg"] {
            #expect(throws: SandboxError.self, "\(path)") { try policy.checkWrite(path) }
        }
        try FileManager.default.createSymbolicLink(atPath: output + "/link", withDestinationPath: "/etc/hostname")
        #expect(throws: SandboxError.self) { try policy.checkWrite(output + "/link") }
    }

    /// Writing through a link creates or replaces its target, so the target must be inside too,
    /// also when it does not exist yet; the link itself is what `os.remove` and `os.rename` get.
    @Test func linksInTheOutputFolderMustLeadInsideIt() throws {
        let policy = try policy()
        symlink(root.path + "/outside.csv", output + "/dangling")
        #expect(throws: SandboxError("writing '\(output)/dangling' is not allowed in the sandbox (it links outside '\(policy.outputFolder)')")) {
            try policy.checkWrite(output + "/dangling")
        }
        symlink("inside.csv", output + "/inner")
        #expect(try policy.checkWrite(output + "/inner") == policy.outputFolder + "/inner")
        try FileManager.default.createDirectory(atPath: output + "/sub", withIntermediateDirectories: true)
        symlink("../../escape.csv", output + "/sub/up")
        #expect(throws: SandboxError.self) { try policy.checkWrite(output + "/sub/up") }
        symlink(".", output + "/self")
        #expect(throws: SandboxError.self) { try policy.checkWrite(output + "/self") }
    }

    @Test func readsOnlyTheNamedInputsAndTheOutputFolder() throws {
        let policy = try policy()
        #expect(try policy.checkRead(root.path + "/in.csv").hasSuffix("/in.csv"))
        #expect(try policy.checkRead(output + "/not-yet.csv").hasSuffix("/out/not-yet.csv"))
        #expect(throws: SandboxError("reading '/etc/hostname' is not allowed in the sandbox (inputs are named with --input)")) {
            try policy.checkRead("/etc/hostname")
        }
    }

    @Test func missingInputsAreRefusedUpFront() {
        #expect(throws: SandboxError("cannot read input '/nonexistent/in.csv'")) {
            try FileAccessPolicy(outputFolder: output, readable: ["/nonexistent/in.csv"])
        }
    }
}
