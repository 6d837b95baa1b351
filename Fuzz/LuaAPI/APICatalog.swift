import FlashLua
import LuaBridge

/// What the fuzzer calls, read from FlashLua's help registry so that a new library function or
/// method is fuzzed without touching the fuzzer.
struct APICatalog {
    /// A library function, e.g. `series.new`, with the option keys its help mentions.
    struct Function {
        let path: String
        /// The parameter names of each way to call it (`t:filter(column, op, value) | t:filter(function(row) ... end)`).
        let forms: [[String]]
        let options: [String]
        /// The class its help says it returns (`-> Series`), when one is named.
        let returns: String?
    }

    /// A method of a userdata class, e.g. `Series:time`.
    struct Method {
        let name: String
        let forms: [[String]]
        let options: [String]
        let returns: String?
    }

    let functions: [Function]
    /// Methods by class name.
    let methods: [String: [Method]]
    /// Every word that appears as an option key or field in the help, for random table keys.
    let vocabulary: [String]
    /// Every word help writes in single quotes (`'sum'`, `'paper'`), for random string values.
    let quotedWords: [String]
    /// Class names by the names help gives their values (`s` is a Series, `model` a Sequential).
    let aliases: [String: String]

    /// The catalog of every library FlashCast opens.
    static func load() -> APICatalog {
        let libraries = FlashLua.libraries
        let classes = libraries.flatMap(\.classes)
        let aliases = receiverAliases(classes)
        var vocabulary = Set<String>()
        var quoted = Set<String>()
        var functions: [Function] = []
        for library in libraries {
            for function in library.functions {
                let options = optionKeys(function.doc.signature + " " + function.doc.summary)
                vocabulary.formUnion(options)
                quoted.formUnion(quotedWords(function.doc.signature + " " + function.doc.summary))
                functions.append(Function(path: library.name + "." + function.doc.name,
                                          forms: forms(function.doc.signature), options: options,
                                          returns: returnedClass(function.doc.signature, aliases)))
            }
        }
        var methods: [String: [Method]] = [:]
        for type in classes {
            methods[type.typeName] = type.methodDocs.map { doc in
                let options = optionKeys(doc.signature + " " + doc.summary)
                vocabulary.formUnion(options)
                quoted.formUnion(quotedWords(doc.signature + " " + doc.summary))
                return Method(name: doc.name, forms: forms(doc.signature), options: options,
                              returns: returnedClass(doc.signature, aliases))
            }
        }
        return APICatalog(functions: functions, methods: methods, vocabulary: vocabulary.sorted(),
                          quotedWords: quoted.sorted(), aliases: aliases)
    }

    /// The parameter names of each form of a signature (forms separated by ` | ` before `->`):
    /// `f(a [, b])` -> `a`, `b`; a table argument `{...}` is `{`, a function one `function`.
    static func forms(_ signature: String) -> [[String]] {
        let calls = signature.split(separator: " -> ", maxSplits: 1).first ?? Substring(signature)
        return calls.split(separator: " | ").map { parameters(String($0)) }
    }

    /// The parameter names of one call form, read between its first `(` and the `)` that closes it.
    static func parameters(_ call: String) -> [String] {
        guard let open = call.firstIndex(of: "(") else { return [] }
        var depth = 0
        var close = call.endIndex
        for index in call[open...].indices {
            if "([{".contains(call[index]) { depth += 1 }
            if ")]}".contains(call[index]) { depth -= 1 }
            if depth == 0 { close = index; break }
        }
        guard close < call.endIndex else { return [] }
        let inside = call[call.index(after: open)..<close]
        if inside.hasPrefix("{") { return ["{"] }
        if inside.hasPrefix("function") { return ["function"] }
        return inside.split(separator: ",").map { $0.filter { $0.isLetter || $0.isNumber || $0 == "_" } }.filter { !$0.isEmpty }
    }

    /// The short texts between single quotes (names and times, nothing that needs escaping).
    static func quotedWords(_ text: String) -> [String] {
        let pieces = text.split(separator: "'", omittingEmptySubsequences: false)
        return stride(from: 1, to: pieces.count - 1, by: 2).map { String(pieces[$0]) }
            .filter { !$0.isEmpty && $0.count < 40 && $0.allSatisfy { $0.isLetter || $0.isNumber || "_-.:/+ ".contains($0) } }
    }

    /// Words written `key=` or `key =` in help text (not `==`).
    static func optionKeys(_ text: String) -> [String] {
        let characters = Array(text)
        var keys = Set<String>()
        var index = 0
        while index < characters.count {
            guard characters[index].isLetter || characters[index] == "_" else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
                end += 1
            }
            var next = end
            while next < characters.count, characters[next] == " " { next += 1 }
            if next < characters.count, characters[next] == "=",
               next + 1 >= characters.count || characters[next + 1] != "=" {
                keys.insert(String(characters[index..<end]))
            }
            index = end
        }
        return keys.sorted()
    }

    /// The names a class's methods call their receiver in help (`s:time(i)`: `s` is a Series), so
    /// that `-> model` can be read as a Sequential.
    static func receiverAliases(_ classes: [any LuaClassRegistration]) -> [String: String] {
        var aliases: [String: String] = [:]
        for type in classes {
            aliases[type.typeName.lowercased()] = type.typeName
            for doc in type.methodDocs {
                if let receiver = doc.signature.split(separator: ":").first, !receiver.contains("(") {
                    aliases[receiver.lowercased()] = aliases[receiver.lowercased()] ?? type.typeName
                }
            }
        }
        return aliases
    }

    /// The class named after `->` in a signature, when it is one.
    static func returnedClass(_ signature: String, _ aliases: [String: String]) -> String? {
        guard let arrow = signature.range(of: "->") else { return nil }
        let word = signature[arrow.upperBound...].drop { $0 == " " }.prefix { $0.isLetter || $0 == "_" }
        return aliases[word.lowercased()]
    }
}
