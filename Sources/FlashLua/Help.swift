import LuaBridge

/// The `help` global: lists the libraries, or documents one library, class or function.
enum Help {
    /// `help()`, `help("orders")`, `help("orders.read")`, `help(orders)` or `help(orders.read)`.
    static let function: LuaFunction = { call in
        guard let state = call.state else { return 0 }
        let text: String
        switch call.type(at: 1) {
        case .none, .nil:
            text = overview(state.openedLibraries) + sessionText(call)
        case .string:
            let name = try call.string(1)
            text = try topic(globalFunctionName(name, call: call, libraries: state.openedLibraries) ?? name,
                             in: state.openedLibraries)
        case .table, .function:
            text = try topic(name(of: 1, call: call, libraries: state.openedLibraries), in: state.openedLibraries)
        default:
            throw LuaError.typeMismatch(position: 1, expected: "string", got: call.typeName(at: 1))
        }
        call.pushGlobal("print")
        try call.callFunction(at: call.count) { $0.push(text); return 1 }
        return 0
    }

    static func overview(_ libraries: [LuaLibrary]) -> String {
        var lines = ["FlashCast libraries (help(\"name\") for details):"]
        for library in libraries {
            lines.append("  " + library.name.padding(12) + library.summary)
        }
        lines.append("  " + "help".padding(12) + "help(), help(\"orders\"), help(\"orders.read\"), help(orders.read)")
        lines.append("Lua's own libraries (string, table, math, io, os...) are documented in the Lua 5.4 manual.")
        return lines.joined(separator: "\n")
    }

    /// The registry key of what the session added, as `describeSession` keeps it.
    static let sessionKey = "FlashCast.session"

    /// The session's own globals, one line each, after the overview; "" when it added none.
    static func sessionText(_ call: LuaCall) -> String {
        defer { call.pop() }  // pop the text
        guard call.pushRegistryValue(sessionKey) == .string, let text = try? call.string(-1) else { return "" }
        return "\n" + text
    }

    static func topic(_ name: String, in libraries: [LuaLibrary]) throws(LuaError) -> String {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let library = libraries.first(where: { $0.name == parts.first }) else {
            if let type = libraries.flatMap(\.classes).first(where: { $0.typeName == name }) {
                return describe(type)
            }
            throw LuaError.argument(position: 1, message: "no help for '\(name)'")
        }
        if parts.count == 2 {
            guard let function = library.functions.first(where: { $0.doc.name == parts[1] }) else {
                throw LuaError.argument(position: 1, message: "no help for '\(name)'")
            }
            return function.doc.signature + "\n  " + function.doc.summary
        }
        var lines = [library.name + ": " + library.summary]
        lines += library.functions.map { "  " + $0.doc.signature + "\n      " + $0.doc.summary }
        lines += library.classes.map(describe)
        return lines.joined(separator: "\n")
    }

    static func describe(_ type: any LuaClassRegistration) -> String {
        var lines = [type.typeName + ": " + type.summary]
        lines += type.methodDocs.map { "  " + $0.signature + "\n      " + $0.summary }
        return lines.joined(separator: "\n")
    }

    /// For a plain name such as `refresh` that no library or class has, the `library.function` name of
    /// the global of that name when it is a library function (the live REPL's `refresh = live.refresh`).
    static func globalFunctionName(_ name: String, call: LuaCall, libraries: [LuaLibrary]) -> String? {
        guard !name.contains("."), !libraries.contains(where: { $0.name == name }),
            !libraries.flatMap(\.classes).contains(where: { $0.typeName == name })
        else { return nil }
        defer { call.pop() }  // pop the global
        guard call.pushGlobal(name) == .function else { return nil }
        return try? Help.name(of: call.count, call: call, libraries: libraries)
    }

    /// Finds the `library` or `library.function` name of the table or function at `index`.
    static func name(of index: Int32, call: LuaCall, libraries: [LuaLibrary]) throws(LuaError) -> String {
        for library in libraries {
            call.pushGlobal(library.name)
            defer { call.pop() }  // pop the library table
            if call.rawEqual(index, -1) { return library.name }
            for function in library.functions {
                call.rawField(-1, function.doc.name)
                defer { call.pop() }  // pop the function
                if call.rawEqual(index, -1) { return library.name + "." + function.doc.name }
            }
        }
        throw LuaError.argument(position: index, message: "no help for this value")
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
