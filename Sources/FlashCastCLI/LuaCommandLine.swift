/// The `lua5.4` command line, `flashcast [options] [script [args]]`, read as lua.c's `collectargs` does.
struct LuaCommandLine: Equatable {
    /// An option run in command-line order before the script: `-e stat`, `-l name` or `-W`.
    enum Step: Equatable {
        case execute(String)
        case require(String)
        case warningsOn
    }

    /// Every argument, the program's name first (lua's `argv`).
    let arguments: [String]
    /// `-e`, `-l` and `-W`, in order.
    var steps: [Step] = []
    /// `-i`: the REPL after the script.
    var interactive = false
    /// `-v` (or `-i`): print the version first.
    var showsVersion = false
    /// `-E`: ignore `LUA_INIT` and the package library's `LUA_PATH` and `LUA_CPATH`.
    var ignoresEnvironment = false
    /// Index in `arguments` of the script (nil: no script).
    var scriptIndex: Int?
    /// Whether the script is standard input (`-` not after `--`).
    var scriptIsStandardInput = false

    /// A bad option, worded as lua.c's `print_usage` does.
    struct UsageError: Error, Equatable {
        let option: String
        var message: String {
            let needsArgument = option.hasPrefix("-e") || option.hasPrefix("-l")
            return needsArgument ? "'\(option)' needs argument" : "unrecognized option '\(option)'"
        }
    }

    /// The usage text lua prints after a bad option, with FlashCast's subcommands added.
    static let usage = """
        usage: flashcast [options] [script [args]]
               flashcast COMMAND ...   (run, repl, aggregate, ...; see flashcast --help)
        Available options are:
          -e stat   execute string 'stat'
          -i        enter interactive mode after executing 'script'
          -l mod    require library 'mod' into global 'mod'
          -l g=mod  require library 'mod' into global 'g'
          -v        show version information
          -E        ignore environment variables
          -W        turn warnings on
          --        stop handling options
          -         stop handling options and execute stdin
        """

    /// Reads `arguments` (the program's name first).
    init(_ arguments: [String]) throws(UsageError) {
        self.arguments = arguments
        var index = 1
        while index < arguments.count {
            let option = arguments[index]
            guard option.hasPrefix("-") else { break }
            if option == "--" {
                index += 1
                break
            }
            if option == "-" { break }
            let letter = option.dropFirst().first
            let attached = String(option.dropFirst(2))
            switch letter {
            case "E", "W", "i", "v":
                guard attached.isEmpty else { throw UsageError(option: option) }
                if letter == "E" { ignoresEnvironment = true }
                if letter == "W" { steps.append(.warningsOn) }
                if letter == "i" { interactive = true }
                if letter != "E" && letter != "W" { showsVersion = true }
            case "e", "l":
                var value = attached
                if value.isEmpty {
                    index += 1
                    guard index < arguments.count, !arguments[index].hasPrefix("-") else { throw UsageError(option: option) }
                    value = arguments[index]
                }
                steps.append(letter == "e" ? .execute(value) : .require(value))
            default:
                throw UsageError(option: option)
            }
            index += 1
        }
        guard index < arguments.count else { return }
        scriptIndex = index
        scriptIsStandardInput = arguments[index] == "-" && arguments[index - 1] != "--"
    }

    /// Whether an `-e` came (then, without a script or `-i`, standard input is not run).
    var executesCode: Bool { steps.contains { if case .execute = $0 { true } else { false } } }

    /// The global `arg`: the script at 0, its arguments at 1, 2, ..., and what came before it at
    /// -1, -2, ... (without a script, the program's name is at 0).
    var argumentTable: [Int: String] {
        let base = scriptIndex ?? 0
        return Dictionary(uniqueKeysWithValues: arguments.enumerated().map { ($0.offset - base, $0.element) })
    }

    /// The script's arguments (`...`).
    var scriptArguments: [String] { scriptIndex.map { Array(arguments[($0 + 1)...]) } ?? [] }
}

extension LuaCommandLine {
    /// Whether `arguments` (without the program's name) are a Lua command line rather than a
    /// subcommand: everything except a first argument naming a subcommand or asking for help or
    /// the version. A script named like a subcommand is run as `./run` or `flashcast -- run`.
    static func applies(to arguments: [String], subcommands: Set<String>) -> Bool {
        guard let first = arguments.first else { return true }
        let commandLineWords: Set<String> = ["help", "-h", "--help", "--version"]
        return !subcommands.contains(first) && !commandLineWords.contains(first)
            && !first.hasPrefix("--generate-completion-script") && !first.hasPrefix("--experimental-")
    }
}
