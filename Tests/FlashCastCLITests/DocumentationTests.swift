import Foundation
import TemporaryFolders
import Testing
import TestSupport

/// Documentation that runs: every ```lua and ```sh example of README.md, examples/README.md and the
/// modules' READMEs (Sources/*/README.md) runs against the bundled data, and every value shown after
/// `-->` is what the example prints. How to write examples that stay true: Sources/FlashCastCLI/README.md.
@Suite struct DocumentationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One fenced example.
    struct Example: CustomTestStringConvertible, Sendable {
        let document: String
        /// Line of the opening fence, counted from 1.
        let line: Int
        let language: String
        let code: String
        /// The reason of a `<!-- not run: REASON -->` line right before the fence, if any.
        let notRun: String?

        var testDescription: String { "\(document):\(line)" }
    }

    /// The documents whose examples run.
    static var documents: [String] {
        let modules = (try? FileManager.default.contentsOfDirectory(atPath: repository.path + "/Sources")) ?? []
        return ["README.md", "examples/README.md"] + modules.sorted().map { "Sources/\($0)/README.md" }
            .filter { FileManager.default.fileExists(atPath: repository.path + "/" + $0) }
    }

    /// Every ```lua and ```sh block of the documents.
    static var examples: [Example] {
        documents.flatMap { document -> [Example] in
            guard let text = try? String(contentsOf: repository.appendingPathComponent(document), encoding: .utf8) else { return [] }
            let lines = text.components(separatedBy: "\n")
            var examples: [Example] = []
            var index = 0
            while index < lines.count {
                let fence = lines[index]
                guard fence.hasPrefix("```"), fence.count > 3 else {
                    if fence.hasPrefix("```") { index = (lines[(index + 1)...].firstIndex { $0.hasPrefix("```") } ?? lines.count) }
                    index += 1
                    continue
                }
                let language = String(fence.dropFirst(3))
                let end = lines[(index + 1)...].firstIndex { $0.hasPrefix("```") } ?? lines.count
                let previous = index > 0 ? lines[index - 1] : ""
                let notRun = previous.hasPrefix("<!-- not run:")
                    ? previous.dropFirst("<!-- not run:".count).replacingOccurrences(of: "-->", with: "").trimmingCharacters(in: .whitespaces)
                    : nil
                if language == "lua" || language == "sh" {
                    examples.append(Example(document: document, line: index + 1, language: language,
                                            code: lines[(index + 1)..<end].joined(separator: "\n"), notRun: notRun))
                }
                index = end + 1
            }
            return examples
        }
    }

    /// A folder laid out as the examples expect: the repository's examples/ and scripts/, an empty out/.
    static func workFolder() throws -> TemporaryFolder {
        let folder = TemporaryFolder("flashcast-docs")
        for name in ["examples", "scripts"] {
            try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent(name),
                                                       withDestinationURL: repository.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("out"), withIntermediateDirectories: true)
        return folder
    }

    @Test func everyExampleRunsOrSaysWhyNot() {
        let examples = Self.examples
        #expect(examples.count >= 12)
        for example in examples where example.notRun != nil {
            #expect(example.notRun?.isEmpty == false, "\(example.testDescription): '<!-- not run: -->' needs a reason")
        }
    }

    /// The README's lists of models and layers are written by hand: each registered one must be in them.
    @Test func theReadmeNamesEveryRegisteredModelAndLayer() throws {
        let listing = try runFlashcast(["-e", """
            print(table.concat(forecast.models(), " "))
            local layers = {}
            for name in pairs(nn) do if name:match("^%u") then layers[#layers + 1] = name end end
            table.sort(layers)
            print(table.concat(layers, " "))
            """])
        let lines = listing.output.split(separator: "\n").map { $0.split(separator: " ") }
        try #require(lines.count == 2)
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(lines[0].count >= 5 && lines[1].count >= 6)
        for model in lines[0] { #expect(readme.contains("`\"\(model)\"`"), "README.md does not list the model '\(model)'") }
        for layer in lines[1] { #expect(readme.contains("nn.\(layer)"), "README.md does not list nn.\(layer)") }
    }

    @Test(arguments: examples.filter { $0.language == "lua" && $0.notRun == nil })
    func luaExample(_ example: Example) throws {
        let folder = try Self.workFolder()
        defer { folder.remove() }
        // print as usual, each call's text also tagged with its line, on the first line so lines keep their numbers
        let prelude = #"local __write = io.write; print = function(...) local t = table.pack(...); for i = 1, t.n do t[i] = tostring(t[i]) end; __write("\1", debug.getinfo(2, "l").currentline, "\2", table.concat(t, "\t"), "\3") end; "#
        let script = folder.url.appendingPathComponent("example.lua")
        try (prelude + example.code + "\n").write(to: script, atomically: true, encoding: .utf8)
        let result = try runFlashcast(["run", "example.lua"], in: folder.url)
        #expect(result.status == 0, "\(example.testDescription) failed: \(result.error)")
        let printed = Self.printed(result.output)
        for (offset, line) in example.code.components(separatedBy: "\n").enumerated() {
            guard let arrow = line.range(of: "--> ") else { continue }
            let expected = String(line[arrow.upperBound...])
            let number = offset + 1
            let code = line[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces)
            let shown = code.isEmpty ? printed.last { $0.line < number } : printed.last { $0.line == number }
            #expect(Self.normalized(shown?.text ?? "(nothing printed)") == Self.normalized(expected),
                    "\(example.document):\(example.line + number)")
        }
    }

    @Test(arguments: examples.filter { $0.language == "sh" && $0.notRun == nil })
    func shellExample(_ example: Example) throws {
        let folder = try Self.workFolder()
        defer { folder.remove() }
        let binaries = flashcastExecutable().deletingLastPathComponent().path
        for command in Self.commands(example.code) {
            let result = try runCommand(URL(fileURLWithPath: "/bin/sh"), ["-c", command.line + " 2>&1"], in: folder.url,
                                        environment: ["PATH": binaries + ":/usr/bin:/bin"])
            if let expected = command.output {
                #expect(Self.matches(result.output, expected), "\(example.testDescription): \(command.line)\n\(result.output)")
            } else {
                #expect(result.status == 0, "\(example.testDescription): \(command.line)\n\(result.output)")
            }
        }
    }

    /// What each `print` wrote, with the line it was called from.
    static func printed(_ output: String) -> [(line: Int, text: String)] {
        output.split(separator: "\u{1}").compactMap { record in
            guard let tab = record.firstIndex(of: "\u{2}"), let end = record.firstIndex(of: "\u{3}"),
                  let line = Int(record[..<tab]) else { return nil }
            return (line, String(record[record.index(after: tab)..<end]))
        }
    }

    /// Runs of spaces and tabs as one space, ends trimmed.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The commands of a shell example, continuation lines joined, comments dropped; a command written
    /// `$ flashcast ...` is followed by the output it shows.
    static func commands(_ code: String) -> [(line: String, output: [String]?)] {
        var commands: [(line: String, output: [String]?)] = []
        var lines = code.replacingOccurrences(of: "\\\n", with: " ").components(separatedBy: "\n")[...]
        while let line = lines.popFirst() {
            if line.hasPrefix("$ ") {
                var output: [String] = []
                while let next = lines.first, !next.hasPrefix("$ ") { output.append(next); lines.removeFirst() }
                commands.append((String(line.dropFirst(2)), output))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                commands.append((line.replacing(/\s+#\s.*$/, with: ""), nil))
            }
        }
        return commands
    }

    /// Whether `output` shows the `expected` lines, a line `...` standing for any number of lines.
    static func matches(_ output: String, _ expected: [String]) -> Bool {
        let shown = output.components(separatedBy: "\n").map(normalized).filter { !$0.isEmpty }
        let wanted = expected.map(normalized).filter { !$0.isEmpty }
        func match(_ s: ArraySlice<String>, _ w: ArraySlice<String>) -> Bool {
            guard let first = w.first else { return s.isEmpty }
            if first == "..." { return s.indices.contains { match(s[$0...], w.dropFirst()) } || match(s[s.endIndex...], w.dropFirst()) }
            guard let line = s.first else { return false }
            return (line == first || first.hasSuffix("...") && line.hasPrefix(String(first.dropLast(3))))
                && match(s.dropFirst(), w.dropFirst())
        }
        return match(shown[...], wanted[...])
    }
}
