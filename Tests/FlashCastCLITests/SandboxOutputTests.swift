import Foundation
import Glibc
import TemporaryFolders
import Testing
import TestSupport

/// The sandbox's `io.open` writes through the one writer: real Lua files whose closing commits them,
/// no way out of the output folder, and no temporary left by a signal.
@Suite struct SandboxOutputTests {
    @TemporaryFolder("flashcast-sandbox-output") var folder

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func script(_ source: String) throws -> String {
        try source.write(toFile: path("script.lua"), atomically: true, encoding: .utf8)
        mkdir(path("out"), 0o755)
        return "script.lua"
    }

    func names(_ subfolder: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path(subfolder)).sorted() }

    @Test func filesAreRealLuaFilesAndClosingKeepsTheirOutput() throws {
        let name = try script("""
            do local f <close> = assert(io.open("out/closed.txt", "w")); f:write("kept") end
            local f = assert(io.open("out/both.txt", "w+"))
            print(io.type(f), f:write("one\\ntwo\\n") == f, f:seek("set"))
            for line in f:lines() do print(line) end
            assert(f:close())
            io.open("out/forgotten.txt", "w"):write("closed at exit")
            local a = assert(io.open("out/log.txt", "a")); a:write("x"); a:close()
            """)
        let result = try runFlashcast(["run", "--sandbox", name], in: folder)
        #expect(result.status == 0)
        #expect(result.output == "file\ttrue\t0\none\ntwo\n")
        #expect(try String(contentsOfFile: path("out/closed.txt"), encoding: .utf8) == "kept")
        #expect(try String(contentsOfFile: path("out/forgotten.txt"), encoding: .utf8) == "closed at exit")
        #expect(try names("out") == ["both.txt", "closed.txt", "forgotten.txt", "log.txt"])
    }

    @Test func linksAndHardLinksCannotLeadOutOfTheOutputFolder() throws {
        let name = try script("""
            for _, case in ipairs{{"dangling", "a"}, {"dangling", "w"}, {"dangling", "r+"}, {"hard", "r+"}, {"hard", "a"},
                                  {"inside", "a"}, {"sub/x", "w"}, {"sub/x", "a"}} do
              local ok, message = pcall(io.open, "out/" .. case[1], case[2])
              print(case[1], case[2], ok, (message:gsub("^.-: ", "")))
            end
            """)
        mkdir(path("outside"), 0o755)
        try "secret".write(toFile: path("outside/victim"), atomically: true, encoding: .utf8)
        symlink("../outside/escaped", path("out/dangling"))
        link(path("outside/victim"), path("out/hard"))
        try "".write(toFile: path("out/real"), atomically: true, encoding: .utf8)
        symlink("real", path("out/inside"))
        symlink("../outside", path("out/sub"))
        let result = try runFlashcast(["run", "--sandbox", name], in: folder)
        #expect(result.status == 0)
        let out = try #require(realpath(path("out"), nil).map { String(cString: $0) })
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines.allSatisfy { $0.contains("\tfalse\twriting 'out/") })
        #expect(lines[0...2].allSatisfy { $0.hasSuffix("(it links outside '\(out)')") })  // the path's check: any mode
        #expect(lines[3].hasSuffix("(it has more than one hard link)"))
        #expect(lines[5].hasSuffix("(it is a symbolic link)"))
        #expect(try names("outside") == ["victim"])
        #expect(try String(contentsOfFile: path("outside/victim"), encoding: .utf8) == "secret")
    }

    /// A script writing slowly, forever, to `out/report.txt`.
    private func startSlowWriter() throws -> Process {
        let name = try script("""
            local f = assert(io.open("out/report.txt", "w"))
            while true do
              f:write(string.rep("x", 100), "\\n"); f:flush()
              local t = os.clock() while os.clock() - t < 0.01 do end
            end
            """)
        try "old".write(toFile: path("out/report.txt"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = flashcastExecutable()
        process.arguments = ["run", "--sandbox", name]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<3000 where process.isRunning {
            if try names("out").contains(where: { $0.contains(".partial-") }) { break }
            usleep(10_000)
        }
        return process
    }

    /// Whether `process` ended by itself (within 30 s); if not, it is killed.
    private func ends(_ process: Process) -> Bool {
        for _ in 0..<3000 where process.isRunning { usleep(10_000) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP]) func aSignalMidWriteLeavesNoTemporary(_ signal: Int32) throws {
        let process = try startSlowWriter()
        #expect(process.isRunning)
        kill(process.processIdentifier, signal)
        #expect(ends(process))
        #expect(try names("out") == ["report.txt"])
        #expect(try String(contentsOfFile: path("out/report.txt"), encoding: .utf8) == "old")
    }

    /// kill -9 (or the OOM killer) leaves the old file, and the temporary nothing could remove: a cron
    /// job killed again and again piled them up, each as large as its output. The next write of the
    /// file removes those whose writer is gone, and keeps a live writer's.
    @Test func killMinus9MidWriteLeavesTheOldFileAndTheNextWriteItsTemporary() throws {
        let process = try startSlowWriter()
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        #expect(ends(process))
        #expect(try String(contentsOfFile: path("out/report.txt"), encoding: .utf8) == "old")
        let abandoned = try names("out").filter { $0.hasPrefix(".report.txt.partial-\(process.processIdentifier)-") }
        #expect(abandoned.count == 1)
        let live = ".report.txt.partial-\(getpid())-abcdefgh"  // this test's own process: alive
        try "half".write(toFile: path("out/" + live), atomically: false, encoding: .utf8)
        let rewrite = try runFlashcast(["run", "--sandbox", try script("local f = io.open('out/report.txt', 'w') f:write('new') f:close()")], in: folder)
        #expect(rewrite.status == 0, "\(rewrite.error)")
        #expect(try names("out") == [live, "report.txt"].sorted())
        #expect(try String(contentsOfFile: path("out/report.txt"), encoding: .utf8) == "new")
    }
}
