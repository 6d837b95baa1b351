import FlashLua
import LuaBridge

/// What the fuzzer calls, read from FlashLua's help registry so that a new library function or
/// method is fuzzed without touching the fuzzer.
struct APICatalog {
    /// A library function, e.g. `series.new`, with the option keys its help mentions.
    struct Function {
        let path: String
        let options: [String]
        /// The class its help says it returns (`-> Series`), when one is named.
        let returns: String?
    }

    /// A method of a userdata class, e.g. `Series:time`.
    struct Method {
        let name: String
        let options: [String]
        let returns: String?
    }

    let functions: [Function]
    /// Methods by class name.
    let methods: [String: [Method]]
    /// Every word that appears as an option key or field in the help, for random table keys.
    let vocabulary: [String]

    /// The catalog of every library FlashCast opens.
    static func load() -> APICatalog {
        let libraries = FlashLua.libraries
        let classes = libraries.flatMap(\.classes)
        let aliases = receiverAliases(classes)
        var vocabulary = Set<String>()
        var functions: [Function] = []
        for library in libraries {
            for function in library.functions {
                let options = optionKeys(function.doc.signature + " " + function.doc.summary)
                vocabulary.formUnion(options)
                functions.append(Function(path: library.name + "." + function.doc.name, options: options,
                                          returns: returnedClass(function.doc.signature, aliases)))
            }
        }
        var methods: [String: [Method]] = [:]
        for type in classes {
            methods[type.typeName] = type.methodDocs.map { doc in
                let options = optionKeys(doc.signature + " " + doc.summary)
                vocabulary.formUnion(options)
                return Method(name: doc.name, options: options, returns: returnedClass(doc.signature, aliases))
            }
        }
        return APICatalog(functions: functions, methods: methods, vocabulary: vocabulary.sorted())
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
