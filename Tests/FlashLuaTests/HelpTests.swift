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

    @Test func unknownTopicsAreArgumentErrors() throws {
        let state = try FlashLua.makeState()
        #expect(luaError(state, "help('nosuch')") == "test:1: bad argument #1 to 'help' (no help for 'nosuch')")
        #expect(luaError(state, "help(print)") == "test:1: bad argument #1 to 'help' (no help for this value)")
        #expect(luaError(state, "help(true)") == "test:1: bad argument #1 to 'help' (string expected, got boolean)")
    }
}
