import EditLineShim
import Glibc
import LuaBridge
import LuaShim
import SafeOutput

extension REPL {
    /// What reading one line gave.
    enum Line {
        case text(String)
        /// Ctrl-C while typing: the line is dropped.
        case cancelled
        /// Ctrl-D on an empty line, or the end of input.
        case end
    }

    /// What reading one chunk gave.
    enum Chunk {
        /// Code ready to run: `return <expression>` or the statements as typed.
        case source(String)
        case end
    }

    /// How far a chunk compiles.
    enum CompileStatus: Equatable {
        /// Ready to run as this code.
        case complete(String)
        /// The chunk ends too early: more lines may complete it.
        case incomplete
    }

    /// Reads lines until they form a chunk; Ctrl-C or Ctrl-D on a `>> ` line drops the chunk.
    func readChunk() -> Chunk {
        while true {
            state.interruptHandle.clear()  // a Ctrl-C after the last command is over
            var source = ""
            reading: while true {
                switch readLine(prompt: source.isEmpty ? "> " : ">> ") {
                case .end where source.isEmpty:
                    return .end
                case .end:
                    print()
                    break reading
                case .cancelled:
                    break reading
                case .text(let line):
                    source += source.isEmpty ? line : "\n" + line
                }
                if case .complete(let code) = compileStatus(source) {
                    remember(source)
                    return .source(code)
                }
            }
        }
    }

    /// Compiles `source` as an expression first (so its value prints), then as statements;
    /// `=expr` is `return expr`, as in lua.c.
    func compileStatus(_ source: String) -> CompileStatus {
        let statements = source.hasPrefix("=") ? "return " + source.dropFirst() : source
        let expression = "return " + statements
        let asExpression = compiles(expression)
        if asExpression == true { return .complete(expression) }
        let asStatements = compiles(statements)
        if asStatements == true { return .complete(statements) }
        return asExpression == nil || asStatements == nil ? .incomplete : .complete(statements)
    }

    /// True if `code` compiles, nil if it only lacks its end, false for another syntax error.
    private func compiles(_ code: String) -> Bool? {
        do {
            try state.load(code, chunkName: "=stdin")
            lshim_pop(state.pointer, 1)  // pop the compiled chunk
            return true
        } catch {
            return error.message.hasSuffix("<eof>") ? nil : false
        }
    }

    /// Reads one line with editing. A Ctrl-C just after Enter interrupts what the line runs.
    func readLine(prompt: String) -> Line {
        var interrupted: Int32 = 0
        guard let line = eshim_readline(prompt, &interrupted) else {
            guard interrupted != 0 else { return .end }
            print()
            return .cancelled
        }
        defer { free(line) }
        if interrupted != 0 { state.interruptHandle.interrupt() }
        return .text(String(cString: line))
    }

    /// Adds a chunk to the history and saves the history file, atomically.
    func remember(_ source: String) {
        guard !source.allSatisfy(\.isWhitespace) else { return }
        eshim_add_history(source)
        guard let historyPath, let file = try? OutputFile(historyPath, permissions: 0o600),
            let temporary = file.temporaryPath, eshim_write_history(temporary) == 0
        else { return }
        try? file.commit()
    }
}
