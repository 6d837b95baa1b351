import ArgumentParser
import FlashLua
import FlashREPL
import LuaShim

/// `flashcast repl`.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the interactive Lua REPL with FlashCast's libraries.",
        discussion: """
            Expressions print their value (tables pretty-printed); an incomplete chunk continues on a \
            '>> ' prompt; Tab completes names, fields and methods (string.fo<Tab>, s:<Tab>); commands \
            taking 0.5 s or more show their time. Ctrl-C interrupts a computation or clears the line; \
            Ctrl-D quits. History is kept in ~/.flashcast_history. With standard input not a terminal, \
            runs it as a script. help() lists the libraries.
            """)

    func run() throws {
        let state = try FlashLua.makeState()
        let banner = "FlashCast \(FlashCast.version) with \(String(cString: lshim_version())). help() lists the libraries."
        let status = try REPL(state: state, banner: banner).run()
        if status != 0 { throw ExitCode(status) }
    }
}
