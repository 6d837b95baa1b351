import LuaBridge
import LuaShim

/// Tab-completion candidates for the word before the cursor: globals and keywords, fields of
/// tables (`string.fo`, `a.b.c`) and methods of values (`s:`), found through tables, metatables'
/// `__index` tables and `__methods` tables.
///
/// Only raw access is used (no metamethod runs, nothing can raise), so completing never changes
/// the session and no Lua error can cross the Swift frames of the line editor.
struct Completer {
    let call: LuaCall

    /// How many `__index` links are followed; also stops loops of metatables.
    static let maximumIndexChain = 8

    static let keywords = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// Completes over the globals of `state`.
    init(state: LuaState) {
        call = LuaCall(state.pointer)
    }

    /// Every completion of `word`, sorted: whole words as they would replace it.
    func candidates(for word: String) -> [String] {
        let base = lua_gettop(call.L)
        defer { lua_settop(call.L, base) }
        guard let separator = word.lastIndex(where: { $0 == "." || $0 == ":" }) else {
            lshim_pushglobaltable(call.L)
            return Self.matching(memberNames(methodsOnly: false), prefix: word, before: "", keywords: true)
        }
        let path = word[..<separator].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard path.allSatisfy(Self.isName) else { return [] }
        lshim_pushglobaltable(call.L)
        for name in path {
            guard pushField(name) else { return [] }
        }
        let methodsOnly = word[separator] == ":"
        let partial = String(word[word.index(after: separator)...])
        return Self.matching(
            memberNames(methodsOnly: methodsOnly), prefix: partial, before: word[...separator], keywords: false)
    }

    /// Replaces the value on top of the stack by its field `name`, as `value.name` finds it
    /// without running code; false (and the stack unchanged) when there is no such field.
    private func pushField(_ name: String) -> Bool {
        let value = lua_gettop(call.L)
        for table in tablesToSearch(value) {
            if call.rawField(table, name) != .nil {
                lshim_replace(call.L, value)  // the field takes the value's place
                lua_settop(call.L, value)  // drop the tables searched
                return true
            }
            lshim_pop(call.L, 1)  // pop the nil
        }
        lua_settop(call.L, value)
        return false
    }

    /// Names reachable from the value on top of the stack: its own fields if it is a table, then
    /// those of its metatable's `__index` and `__methods` tables, recursively.
    private func memberNames(methodsOnly: Bool) -> [String] {
        tablesToSearch(lua_gettop(call.L)).flatMap { table in
            call.stringKeyedFields(table).filter { !methodsOnly || $0.type == .function }.map(\.key)
        }
    }

    /// Pushes the tables a field lookup on the value at `index` goes through, and returns their
    /// indices in lookup order.
    private func tablesToSearch(_ index: Int32) -> [Int32] {
        var tables = [Int32]()
        var current = index
        for _ in 0..<Self.maximumIndexChain {
            if call.type(at: current) == .table { tables.append(current) }
            guard call.pushMetatable(of: current) else { break }
            let metatable = lua_gettop(call.L)
            if call.rawField(metatable, "__methods") == .table { tables.append(lua_gettop(call.L)) }
            guard call.rawField(metatable, "__index") == .table else { break }
            current = lua_gettop(call.L)
        }
        return tables
    }

    /// The names that extend `prefix` and can follow `.` in Lua, sorted, each after `before`.
    static func matching(_ names: [String], prefix: String, before: Substring, keywords: Bool) -> [String] {
        let usable = names.filter(isName) + (keywords ? Self.keywords : [])
        return Set(usable.filter { $0.hasPrefix(prefix) }).sorted().map { before + $0 }
    }

    /// True for a Lua name usable after `.`: letters, digits and `_`, not starting with a digit,
    /// not a keyword.
    static func isName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !isDigit(first), !keywords.contains(name) else { return false }
        return name.utf8.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") || isLetter($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}
