import LuaBridge

/// The `args` library: command-line options for scripts run as `flashcast run script.lua --key value`.
enum ArgsLibrary {
    /// One declared option.
    struct Option {
        enum Kind: String { case string, number, boolean }
        let name: String
        let kind: Kind
        let help: String
        let position: Int
    }

    static let parse = LuaLibraryFunction(
        "parse", "args.parse(arg, spec) -> options",
        """
        Reads `--key value` (or `--key=value`, `--flag`, `--no-flag`) from the script's arguments. spec = \
        {summary="...", usage="...", {"name", default, "help"}, ...}; the type of each option comes from \
        its default (nil means a string that may be absent). `--help` prints the options and exits with 0; \
        an unknown or malformed option prints the problem and exits with 2.
        """
    ) { call in
        try call.table(1)
        try call.table(2)
        let options = try declaredOptions(call)
        let values = call.stringSequence(1)
        let result = parseValues(values, options: options)
        switch result {
        case .help:
            return try exit(call, code: 0, message: helpText(call, options))
        case .failure(let message):
            return try exit(call, code: 2, message: message + " (see --help)")
        case .success(let given, let positional):
            return try push(given, positional: positional, options: options, call: call)
        }
    }

    static let library = LuaLibrary(
        name: "args", summary: "Command-line options for scripts: defaults, types, --help.",
        functions: [parse, folder, output])
}
