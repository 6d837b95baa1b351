import Glibc
import LuaBridge

extension ArgsLibrary {
    enum Outcome {
        case help
        case failure(String)
        case success(options: [String: String], positional: [String])
    }

    /// Reads the option declarations `{"name", default, "help"}` from the spec at argument 2.
    static func declaredOptions(_ call: LuaCall) throws(LuaError) -> [Option] {
        var options = [Option]()
        for position in 1...max(1, call.length(2)) where call.length(2) > 0 {
            call.rawIndex(2, position)
            defer { call.pop() }
            let entry = call.count
            guard call.type(at: entry) == .table else {
                throw .argument(position: 2, message: "option \(position) must be a table {name, default, help}")
            }
            call.rawIndex(entry, 1)
            call.rawIndex(entry, 2)
            call.rawIndex(entry, 3)
            defer { call.pop(3) }
            guard call.type(at: entry + 1) == .string, let name = try? call.string(entry + 1) else {
                throw .argument(position: 2, message: "option \(position) needs a name")
            }
            let kind: Option.Kind =
                switch call.type(at: entry + 2) {
                case .number: .number
                case .boolean: .boolean
                case .string, .nil: .string
                default: throw .argument(position: 2, message: "option '\(name)': default must be a string, number or boolean")
                }
            let help = (try? call.string(entry + 3)) ?? ""
            options.append(Option(name: name, kind: kind, help: help, position: position))
        }
        return options
    }

    /// Splits the words into options (`--key value`, `--key=value`, `--flag`, `--no-flag`) and positional words.
    static func parseValues(_ words: [String], options: [Option]) -> Outcome {
        var given = [String: String]()
        var positional = [String]()
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("--"), word.count > 2 else {
                positional.append(word)
                continue
            }
            if word == "--help" { return .help }
            var name = String(word.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if value == nil, name.hasPrefix("no-"), let flag = options.first(where: { $0.name == name.dropFirst(3) && $0.kind == .boolean }) {
                given[flag.name] = "false"
                continue
            }
            guard let option = options.first(where: { $0.name == name }) else {
                return .failure("unknown option '--\(name)'")
            }
            if value == nil {
                if option.kind == .boolean {
                    value = "true"
                } else if index < words.count {
                    value = words[index]
                    index += 1
                } else {
                    return .failure("option '--\(name)' needs a value")
                }
            }
            given[name] = value
        }
        return .success(options: given, positional: positional)
    }

    /// Pushes the options table: given values converted to each option's type, else the defaults.
    static func push(_ given: [String: String], positional: [String], options: [Option], call: LuaCall) throws -> Int32 {
        for option in options {
            guard let text = given[option.name] else { continue }
            if let problem = conversionProblem(text, option) { return try exit(call, code: 2, message: problem + " (see --help)") }
        }
        call.pushTable(arrayCapacity: positional.count, fieldCapacity: options.count) { table in
            for (offset, word) in positional.enumerated() { table.set(offset + 1) { $0.push(word) } }
            for option in options {
                table.set(option.name) { call in
                    guard let text = given[option.name] else {
                        call.rawIndex(2, option.position)
                        call.rawIndex(call.count, 2)
                        call.remove(call.count - 1)  // keep the default, drop the entry
                        return
                    }
                    switch option.kind {
                    case .number:
                        if let integer = Int(text) { call.push(integer) } else { call.push(Double(text) ?? 0) }
                    case .boolean: call.push(text == "true" || text == "yes" || text == "1")
                    case .string: call.push(text)
                    }
                }
            }
        }
        return 1
    }

    static func conversionProblem(_ text: String, _ option: Option) -> String? {
        switch option.kind {
        case .number where Double(text) == nil: "option '--\(option.name)' expects a number, got '\(text)'"
        case .boolean where !["true", "false", "yes", "no", "1", "0"].contains(text):
            "option '--\(option.name)' expects true or false, got '\(text)'"
        default: nil
        }
    }

    /// Prints `message` (standard output for code 0, standard error otherwise) and calls `os.exit(code)`.
    static func exit(_ call: LuaCall, code: Int, message: String) throws -> Int32 {
        let text = message + "\n"
        _ = text.withCString { write(code == 0 ? STDOUT_FILENO : STDERR_FILENO, $0, strlen($0)) }
        call.pushGlobal("os")
        call.rawField(call.count, "exit")
        try call.callFunction(at: call.count) { $0.push(code); return 1 }
        return 0
    }

    static func helpText(_ call: LuaCall, _ options: [Option]) -> String {
        var lines = [String]()
        for key in ["usage", "summary"] {
            call.rawField(2, key)
            if let text = try? call.string(call.count) { lines.append(key == "usage" ? "Usage: " + text : text) }
            call.pop()
        }
        lines.append("Options:")
        for option in options {
            call.rawIndex(2, option.position)
            call.rawIndex(call.count, 2)
            let defaultValue = call.type(at: call.count) == .nil ? "" : call.state?.describe(at: call.count) ?? ""
            call.pop(2)
            // an empty default says nothing, and a help that explains its default needs no second one
            let defaultText = defaultValue.isEmpty || option.help.contains("(default") ? "" : " (default: \(defaultValue))"
            let flag = option.kind == .boolean ? "--[no-]\(option.name)" : "--\(option.name) <\(option.kind.rawValue)>"
            lines.append("  " + flag.padding(26) + option.help + defaultText)
        }
        lines.append("  " + "--help".padding(26) + "show this help and exit")
        return lines.joined(separator: "\n")
    }
}
