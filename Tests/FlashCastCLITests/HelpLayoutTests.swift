import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// `flashcast help COMMAND` reads as a terminal shows it: every line within 80 columns, and the
/// paragraphs above USAGE wrapped evenly (no short line inside a paragraph).
@Suite struct HelpLayoutTests {
    @Test(arguments: ["run", "aggregate", "simulate"]) func commandHelpWrapsEvenly(command: String) throws {
        let help = try runFlashcast(["help", command])
        #expect(help.status == 0)
        let lines = help.output.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { #expect(line.count <= 80, "\(line)") }
        let prose = lines.prefix { !$0.hasPrefix("USAGE:") }.dropFirst(3)  // after the overview
        let paragraphs = prose.split(separator: "").map(Array.init)
        for paragraph in paragraphs {
            for (line, next) in zip(paragraph, paragraph.dropFirst()) {
                let nextWord = next.prefix { $0 != " " }
                #expect(line.count >= 60 || line.count + 1 + nextWord.count > 80, "ragged line in '\(command)': \(line)")
            }
        }
    }
}

/// The shipped scripts' options: the same names, help without doubled defaults, and the sandbox's
/// --output as their default output folder.
@Suite struct ScriptOptionsTests {
    @TemporaryFolder("flashcast-script-options") var folder
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["report", "live", "train", "rolling", "whatif_email"])
    func helpShowsEachDefaultOnce(name: String) throws {
        let help = try runFlashcast(["run", "scripts/\(name).lua", "--help"], in: repository)
        #expect(help.status == 0)
        #expect(!help.output.contains("(default: )"))
        for line in help.output.split(separator: "\n") {
            #expect(line.components(separatedBy: "(default").count <= 2, "\(line)")
        }
    }

    @Test(arguments: ["report", "live", "whatif_email"]) func salesAreNamedByOrders(name: String) throws {
        let help = try runFlashcast(["run", "scripts/\(name).lua", "--help"], in: repository)
        #expect(help.output.contains("\n  --orders <string> "))
    }

    @Test func aSandboxedScriptWritesIntoTheOutputFolderWithoutOut() throws {
        let result = try runFlashcast(["run", "--sandbox", "--input", "examples/data", "--output", folder.path,
                                       "scripts/report.lua", "--now", "2021-11-12T12:00"], in: repository)
        #expect(result.status == 0, "\(result.error)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.md").path))
        let outside = try runFlashcast(["-e", "print(args.output())"])
        #expect(outside.output == "nil\n")
    }
}
