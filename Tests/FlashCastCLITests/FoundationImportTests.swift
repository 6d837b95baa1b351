import Foundation
import Testing

/// No module of the program imports the whole of Foundation: it loads ICU at every start (several
/// milliseconds) and the static release link fails with it. FoundationEssentials, or Glibc for math,
/// is what the modules need (`#if canImport(FoundationEssentials) ... #else import Foundation #endif`).
@Suite struct FoundationImportTests {
    @Test func sourcesImportFoundationEssentialsOnly() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100)
        var offenders: [String] = []
        for file in files {
            let lines = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where line == "import Foundation" || line.hasPrefix("import FoundationInternationalization") {
                if index == 0 || lines[index - 1] != "#else" { offenders.append("\(file):\(index + 1)") }
            }
        }
        #expect(offenders.isEmpty, "import FoundationEssentials (or Glibc) instead: \(offenders)")
    }
}
