import Foundation
import SafeOutput
import TemporaryFolders
import Testing

/// The one home of path resolution, used by the writer's clash checks and the sandbox's confinement.
@Suite struct ResolvedPathTests {
    @TemporaryFolder("flashcast-resolved-path") var root
    var base: String { ResolvedPath.existing(root.path)! }

    @Test func anEntryKeepsItsLastNameAndResolvesItsFolder() throws {
        try FileManager.default.createDirectory(atPath: base + "/real", withIntermediateDirectories: true)
        symlink(base + "/real", base + "/folder-link")
        symlink("elsewhere.csv", base + "/real/link.csv")
        #expect(ResolvedPath.entry(base + "/folder-link/link.csv") == base + "/real/link.csv")  // the link itself
        #expect(ResolvedPath.entry(base + "/real/../real/new.csv") == base + "/real/new.csv")
        for refused in [base + "/real/.", base + "/real/..", base + "/missing/x.csv", base + "/real/"] {
            #expect(ResolvedPath.entry(refused) == nil, "\(refused)")
        }
    }

    @Test func aWriteTargetFollowsLinksDanglingOnesToo() throws {
        try FileManager.default.createDirectory(atPath: base + "/sub", withIntermediateDirectories: true)
        symlink("sub/second", base + "/first")  // relative to the link's folder
        symlink(base + "/sub/missing.csv", base + "/sub/second")
        #expect(ResolvedPath.writeTarget(base + "/first") == base + "/sub/missing.csv")
        #expect(ResolvedPath.writeTarget(base + "/plain.csv") == base + "/plain.csv")
        symlink("loop-b", base + "/loop-a")
        symlink("loop-a", base + "/loop-b")
        #expect(ResolvedPath.writeTarget(base + "/loop-a") == nil)
        #expect(ResolvedPath.existing(base + "/first") == nil)  // dangling: nothing exists there
    }

    @Test func insideMeansTheFolderOrBelowItNotAPrefix() {
        #expect(ResolvedPath.isInside("/a/out/x", "/a/out"))
        #expect(ResolvedPath.isInside("/a/out", "/a/out"))
        #expect(!ResolvedPath.isInside("/a/outside/x", "/a/out"))
        #expect(ResolvedPath.isInside("/x", "/"))
        #expect(ResolvedPath.split("name") == (".", "name"))
        #expect(ResolvedPath.split("/name") == ("/", "name"))
        #expect(ResolvedPath.absolute("/a") == "/a")
        #expect(ResolvedPath.absolute("b").hasSuffix("/b"))
    }
}
