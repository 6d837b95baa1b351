import FlashLua
import LuaBridge
import Testing
import TestSupport

@Suite struct HelpTests {
    @Test func everyLibraryFunctionHasHelp() throws {
        let state = try FlashLua.makeState()
        for library in FlashLua.libraries {
            #expect(!library.summary.isEmpty)
            for function in library.functions {
                #expect(function.doc.signature.hasPrefix(library.name + "." + function.doc.name + "("))
                #expect(!function.doc.summary.isEmpty)
                let topic = library.name + "." + function.doc.name
                #expect(luaError(state, "help('\(topic)') help(\(topic))") == nil)
            }
        }
    }

    /// A help text is prose: no line breaks or runs of spaces left by a string written over several lines.
    @Test func helpTextsAreSingleSpacedProse() {
        let texts = FlashLua.libraries.flatMap { library in
            [library.summary] + library.functions.map(\.doc.summary)
                + library.classes.flatMap { [$0.summary] + $0.methodDocs.map(\.summary) }
        }
        for text in texts {
            #expect(!text.contains("  ") && !text.contains("\n"), "\(text.prefix(60))")
        }
    }

    @Test func unknownTopicsAreArgumentErrors() throws {
        let state = try FlashLua.makeState()
        #expect(luaError(state, "help('nosuch')") == "test:1: bad argument #1 to 'help' (no help for 'nosuch')")
        #expect(luaError(state, "help(print)") == "test:1: bad argument #1 to 'help' (no help for this value)")
        #expect(luaError(state, "help(true)") == "test:1: bad argument #1 to 'help' (string expected, got boolean)")
    }
}
